class C(metaclass=M):
    pass
