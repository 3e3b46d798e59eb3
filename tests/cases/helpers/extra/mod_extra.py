# Found only once a test adds helpers/extra to sys.path.
WHERE = "extra"
