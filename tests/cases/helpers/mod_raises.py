import mod_counter

mod_counter.loads.append(__name__)
print("mod_raises running")


def helper():
    raise ValueError("bad value in helper")


helper()
