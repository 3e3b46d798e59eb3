import mod_counter

mod_counter.loads.append(__name__)
X = 1
import mod_circ_b

Y = mod_circ_b.Z + 1
