# with: enter/exit in protected regions; several items nest.
def read(path):
    with open(path) as fh, lock:
        return fh.read()

def suppress():
    with ctx() as (a, b):
        pass
