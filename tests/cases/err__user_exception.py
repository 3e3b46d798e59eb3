# Uncaught user exception raised in a method.

class ParseError(Exception):
    pass

class Parser:
    def parse(self, text):
        if not text.isdigit():
            raise ParseError("not a number: " + repr(text))
        return int(text)

p = Parser()
print(p.parse("12"))
print(p.parse("1x"))
