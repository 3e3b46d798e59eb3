from mod_cycle_y import g


def f():
    return "f"
