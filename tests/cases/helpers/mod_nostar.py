import mod_counter as _counter

x = "x"
y = "y"
_hidden = "h"
__dunder = "d"
