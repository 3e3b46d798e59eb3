real = "real"


def __getattr__(name):
    if name.startswith("dyn_"):
        return name[4:].upper()
    raise AttributeError("no " + name)
