import mod_counter
import mod_circ_a

mod_counter.loads.append(__name__)
Z = mod_circ_a.X + 10
try:
    mod_circ_a.Y
except AttributeError as e:
    ERR = str(e)
