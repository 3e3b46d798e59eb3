# try/except/else/finally, named handlers, raise forms and unwinding.
def f(x):
    try:
        g(x)
    except (KeyError, IndexError) as e:
        raise ValueError("bad") from e
    except Exception:
        raise
    else:
        return 1
    finally:
        cleanup()

def loop(xs):
    for x in xs:
        try:
            if x:
                continue
            return x
        finally:
            print(x)
