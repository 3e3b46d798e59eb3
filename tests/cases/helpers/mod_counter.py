# Records every module body run by the import tests.
loads = []
