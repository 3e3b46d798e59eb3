import mod_counter

mod_counter.loads.append(__name__)
import no_such_module_at_all
