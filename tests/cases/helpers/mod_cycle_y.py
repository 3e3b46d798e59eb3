from mod_cycle_x import f


def g():
    return "g"
