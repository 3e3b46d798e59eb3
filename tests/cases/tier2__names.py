# Audit: every name LANGUAGE.md Tier 2 lists for the server modules exists
# (and is callable where it is a function); prints the missing ones.
import sys, time, os, os.path, errno, socket, select, subprocess, math, json, random, string


def check(label, obj, names, calls=()):
    missing = [n for n in names.split() if not hasattr(obj, n)]
    notcall = [n for n in calls.split() if hasattr(obj, n) and not callable(getattr(obj, n))] if calls else []
    print(label, "missing:", missing, "not callable:", notcall)


check("sys", sys, "argv exit stdin stdout stderr path modules platform version version_info maxsize getrecursionlimit setrecursionlimit exc_info",
      "exit getrecursionlimit setrecursionlimit exc_info")
# sys.exitfunc is a sigpy extension (SIGNALS.md), not in CPython
check("time", time, "time time_ns monotonic monotonic_ns perf_counter perf_counter_ns sleep strftime gmtime localtime",
      "time time_ns monotonic monotonic_ns perf_counter perf_counter_ns sleep strftime gmtime localtime")
OS_FUNCS = ("getpid getppid kill killpg getpgid setsid getenv putenv getcwd chdir listdir mkdir makedirs remove unlink "
            "rename replace rmdir stat fsync pipe read write close dup dup2 open fork execv execvp _exit waitpid "
            "WIFEXITED WEXITSTATUS WIFSIGNALED WTERMSIG waitstatus_to_exitcode system strerror")
check("os", os, OS_FUNCS + " environ WNOHANG sep linesep devnull path", OS_FUNCS)
O_NAMES = "O_RDONLY O_WRONLY O_RDWR O_APPEND O_CREAT O_EXCL O_TRUNC O_NONBLOCK O_CLOEXEC O_NOCTTY O_SYNC O_DSYNC O_DIRECTORY O_NOFOLLOW O_ACCMODE"
check("os O_*", os, O_NAMES)
print("O values", [getattr(os, n) for n in O_NAMES.split()])
check("os extra", os, "access F_OK R_OK W_OK X_OK lseek SEEK_SET SEEK_CUR SEEK_END mkfifo scandir walk",
      "access lseek mkfifo scandir walk")
print(os.F_OK, os.R_OK, os.W_OK, os.X_OK, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
PATH_FUNCS = "join exists isfile isdir basename dirname abspath splitext getsize realpath normpath isabs islink getmtime"
check("os.path", os.path, PATH_FUNCS, PATH_FUNCS)
check("os.environ", os.environ, "keys values items get copy pop setdefault update", "keys values items get copy pop setdefault update")

ERRNO = ("EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM EACCES EFAULT EBUSY EEXIST "
         "EXDEV ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY EFBIG ENOSPC ESPIPE EROFS EMLINK EPIPE EDOM ERANGE "
         "EDEADLK ENAMETOOLONG ENOSYS ENOTEMPTY ELOOP EWOULDBLOCK ENOTSOCK EADDRINUSE EADDRNOTAVAIL ENETUNREACH "
         "ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ETIMEDOUT ECONNREFUSED EHOSTUNREACH EALREADY EINPROGRESS")
check("errno", errno, ERRNO + " errorcode")
print("errno names", sorted((n, getattr(errno, n)) for n in dir(errno) if n.startswith("E")))
print("errorcode", sorted(errno.errorcode.items()))
print("errorcode size ok", len(errno.errorcode) > 100, errno.errorcode[errno.ENOENT])

SOCK_FUNCS = "socket socketpair create_connection getaddrinfo"
check("socket", socket, SOCK_FUNCS + " AF_INET AF_INET6 AF_UNIX SOCK_STREAM SOCK_DGRAM SOL_SOCKET SO_REUSEADDR timeout", SOCK_FUNCS)
print("timeout is TimeoutError", socket.timeout is TimeoutError)
s = socket.socket()
SOCK_METHODS = ("bind listen accept connect connect_ex recv recvfrom send sendall sendto shutdown close "
                "fileno setblocking settimeout gettimeout getsockname getpeername setsockopt makefile")
check("socket object", s, SOCK_METHODS, SOCK_METHODS)
s.close()

check("select", select, "select poll POLLIN POLLOUT POLLERR POLLHUP POLLNVAL", "select poll")
p = select.poll()
check("poll object", p, "register modify unregister poll", "register modify unregister poll")

check("subprocess", subprocess, "run Popen CompletedProcess CalledProcessError TimeoutExpired PIPE DEVNULL STDOUT",
      "run Popen CompletedProcess CalledProcessError TimeoutExpired")
with subprocess.Popen(["true"]) as pr:
    check("Popen object", pr, "wait poll communicate send_signal terminate kill pid returncode",
          "wait poll communicate send_signal terminate kill")
    pr.wait()

MATH_FUNCS = ("ceil floor trunc sqrt exp log log2 log10 pow sin cos tan asin acos atan atan2 sinh cosh tanh "
              "hypot fabs fmod copysign isnan isinf isfinite isclose gcd lcm factorial comb perm isqrt "
              "degrees radians fsum prod dist modf frexp ldexp expm1 log1p erf erfc gamma lgamma remainder")
check("math", math, MATH_FUNCS + " pi e tau inf nan", MATH_FUNCS)
check("json", json, "dumps loads dump load JSONDecodeError", "dumps loads dump load")
RANDOM_FUNCS = "seed random randint randrange choice choices shuffle uniform sample getrandbits gauss getstate setstate"
check("random", random, RANDOM_FUNCS + " Random", RANDOM_FUNCS)
check("string", string, "ascii_letters ascii_lowercase ascii_uppercase digits hexdigits octdigits punctuation printable whitespace")

FILE_METHODS = "read readline readlines write writelines flush close seek tell __iter__ __next__ __enter__ __exit__ fileno readable writable seekable isatty"
path = "/tmp/sigpy_tier2_names_%d.txt" % os.getpid()
with open(path, "w") as f:
    check("text file", f, FILE_METHODS + " closed name mode encoding", FILE_METHODS)
with open(path, "rb") as f:
    check("binary file", f, FILE_METHODS + " closed name mode", FILE_METHODS)
os.remove(path)
check("sys.stdout", sys.stdout, "write flush fileno isatty encoding", "write flush fileno isatty")
check("sys.stdin", sys.stdin, "read readline readlines fileno", "read readline readlines fileno")
