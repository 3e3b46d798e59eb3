'a' "b" '''c
d''' """e"""
'\n\t\\\'\x41\101\u00e9\U0001F600\
continued' r'\n\d' b'\x00\xff\n' rb'\d' BR"x" u'uni'
'é' "tab\there" 'a' 'b'
