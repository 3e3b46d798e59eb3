# __name__ is "__main__" in the script being run.

def main():
    print("main called")
    return 0

print(__name__)
if __name__ == "__main__":
    main()
else:
    print("imported")

if __name__ != "__main__":
    print("not main")
