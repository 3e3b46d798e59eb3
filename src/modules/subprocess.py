# The Python part of sigpy's subprocess module, run in the module's dict
# after the natives (_spawn, _wait, _pump, _pipe, _close). It follows the
# POSIX parts of CPython 3.11's Lib/subprocess.py: same classes, same
# argument checks, same messages. Every wait is a native one, in the wait
# primitive: a handler that raises aborts it with its exception (run()
# and call() then kill the child, as CPython does on any exception).

import os
import signal
import time

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_time = time.monotonic


class SubprocessError(Exception):
    __module__ = "subprocess"


class CalledProcessError(SubprocessError):
    """Raised when run() is called with check=True and the process
    returns a non-zero exit status."""

    __module__ = "subprocess"

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (
                    self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, -self.returncode)
        else:
            return "Command '%s' returned non-zero exit status %d." % (
                self.cmd, self.returncode)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child."""

    __module__ = "subprocess"

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return ("Command '%s' timed out after %s seconds" %
                (self.cmd, self.timeout))

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


def call(*popenargs, timeout=None, **kwargs):
    owned = []
    try:
        with Popen(*popenargs, _owned=owned, **kwargs) as p:
            try:
                return p.wait(timeout=timeout)
            except:
                p.kill()
                raise
    except signal.SignalExit:
        _kill_owned(owned)
        raise


def _kill_owned(owned):
    """sigpy: on a terminating signal's default action (SignalExit), run()
    and call() kill and reap the child they started, wherever the signal
    stopped them, inside Popen() and between its return and the with
    block too (a with Popen block of the caller's own leaves its child
    running, as CPython would)."""
    for proc in owned:
        proc._kill_and_reap()


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


class CompletedProcess:
    """A process that has finished running, as run() returns it."""

    __module__ = "subprocess"

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args),
                'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout,
                                     self.stderr)


def run(*popenargs,
        input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE

    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE

    owned = []
    try:
        with Popen(*popenargs, _owned=owned, **kwargs) as process:
            try:
                stdout, stderr = process.communicate(input, timeout=timeout)
            except TimeoutExpired as exc:
                process.kill()
                process.wait()
                raise
            except:
                process.kill()
                raise
            retcode = process.poll()
            if check and retcode:
                raise CalledProcessError(retcode, process.args,
                                         output=stdout, stderr=stderr)
    except signal.SignalExit:
        _kill_owned(owned)
        raise
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def _fsencode(x):
    if isinstance(x, str):
        return x.encode('utf-8')
    if isinstance(x, bytes):
        return x
    raise TypeError("expected str, bytes or os.PathLike object, not %s"
                    % type(x).__name__)


def _unsupported(name):
    raise NotImplementedError(
        "sigpy's subprocess.Popen does not support the %s argument" % name)


def _check_encoding(encoding):
    e = encoding.lower().replace('_', '-')
    if e not in ('utf-8', 'utf8', 'latin-1', 'latin1', 'iso-8859-1', 'ascii'):
        raise NotImplementedError(
            "sigpy's subprocess supports the utf-8, latin-1 and ascii "
            "encodings only, not %r" % encoding)


class Popen:
    """Executes a child program in a new process."""

    __module__ = "subprocess"

    _child_created = False

    def __init__(self, args, bufsize=-1, executable=None,
                 stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False,
                 pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1, pipesize=-1,
                 process_group=None, _owned=None):
        self._input = None
        self._input_offset = 0
        self._communication_started = False
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if pipesize is None:
            pipesize = -1
        if not isinstance(pipesize, int):
            raise TypeError("pipesize must be an integer")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows "
                             "platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows "
                             "platforms")
        if preexec_fn is not None:
            _unsupported("preexec_fn")
        if pass_fds:
            _unsupported("pass_fds")
        if user is not None:
            _unsupported("user")
        if group is not None:
            _unsupported("group")
        if extra_groups is not None:
            _unsupported("extra_groups")
        if umask != -1:
            _unsupported("umask")
        if not restore_signals:
            _unsupported("restore_signals")

        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize
        self._sigint_wait_secs = 0.25
        self._closed_child_pipe_fds = False

        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        if encoding is not None:
            _check_encoding(encoding)
        if process_group is None:
            process_group = -1

        (p2cread, p2cwrite,
         c2pread, c2pwrite,
         errread, errwrite) = self._get_handles(stdin, stdout, stderr)

        # The child's pid lands in _started inside the native call, so an
        # exception anywhere after the child exists (a signal handler's
        # too) still finds it; the clean-up is a finally block, which no
        # signal interrupts.
        self._started = []
        if _owned is not None:
            # Before the child exists (see _kill_owned).
            _owned.append(self)
        started = False
        try:
            enc = self.encoding or 'utf-8'
            if p2cwrite != -1:
                self.stdin = open(p2cwrite, 'w' if self.text_mode else 'wb',
                                  encoding=enc if self.text_mode else None)
            if c2pread != -1:
                self.stdout = open(c2pread, 'r' if self.text_mode else 'rb',
                                   encoding=enc if self.text_mode else None)
            if errread != -1:
                self.stderr = open(errread, 'r' if self.text_mode else 'rb',
                                   encoding=enc if self.text_mode else None)

            self._execute_child(args, executable, close_fds, cwd, env, shell,
                                p2cread, c2pwrite, errwrite,
                                start_new_session, process_group)
            started = True
        finally:
            if not started:
                self._abandon()

    def _abandon(self):
        """Undoes a Popen() that raised: closes the pipes and, if the
        child was started (nobody else can reach it now), kills and reaps
        it."""
        for f in (self.stdin, self.stdout, self.stderr):
            if f is not None:
                try:
                    f.close()
                except OSError:
                    pass
        if not self._closed_child_pipe_fds:
            for fd in self._child_ends:
                _close(fd)
            self._closed_child_pipe_fds = True
        self._kill_and_reap()

    def _kill_and_reap(self):
        """Kills and reaps the child unless it has been reaped already (its
        pid may then be another process's)."""
        if self._started and self.returncode is None:
            try:
                os.kill(self._started[0], signal.SIGKILL)
            except OSError:
                pass
            self.returncode = _wait(self._started[0], None)

    def __repr__(self):
        obj_repr = (
            f"<{self.__class__.__name__}: "
            f"returncode: {self.returncode} args: {self.args!r}>"
        )
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "...>"
        return obj_repr

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, universal_newlines):
        self.text_mode = bool(universal_newlines)

    def _translate_newlines(self, data):
        data = data.decode(self.encoding or 'utf-8', self.errors or 'strict')
        return data.replace("\r\n", "\n").replace("\r", "\n")

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            # sigpy: a terminating signal's default action (SignalExit)
            # is treated as CPython treats Ctrl-C: a short wait for the
            # child (run() has just killed it), then the exit goes on
            # (CPython would have died at once, leaving the child running).
            if exc_type == KeyboardInterrupt or (
                    exc_type is not None and issubclass(exc_type, signal.SignalExit)):
                if self._sigint_wait_secs > 0:
                    try:
                        self._wait(timeout=self._sigint_wait_secs)
                    except TimeoutExpired:
                        pass
                self._sigint_wait_secs = 0
                return
            self.wait()

    def _get_handles(self, stdin, stdout, stderr):
        """The child's ends (-1: inherit, -3: /dev/null) and the parent's
        (-1: none) of the three streams."""
        p2cread, p2cwrite = -1, -1
        c2pread, c2pwrite = -1, -1
        errread, errwrite = -1, -1
        self._child_ends = []
        try:
            if stdin is None:
                pass
            elif stdin == PIPE:
                p2cread, p2cwrite = _pipe(1)
                self._child_ends.append(p2cread)
            elif stdin == DEVNULL:
                p2cread = DEVNULL
            elif isinstance(stdin, int):
                p2cread = stdin
            else:
                p2cread = stdin.fileno()

            if stdout is None:
                pass
            elif stdout == PIPE:
                c2pread, c2pwrite = _pipe(0)
                self._child_ends.append(c2pwrite)
            elif stdout == DEVNULL:
                c2pwrite = DEVNULL
            elif isinstance(stdout, int):
                c2pwrite = stdout
            else:
                c2pwrite = stdout.fileno()

            if stderr is None:
                pass
            elif stderr == PIPE:
                errread, errwrite = _pipe(0)
                self._child_ends.append(errwrite)
            elif stderr == STDOUT:
                if c2pwrite != -1:
                    errwrite = c2pwrite
                else:
                    errwrite = 1
            elif stderr == DEVNULL:
                errwrite = DEVNULL
            elif isinstance(stderr, int):
                errwrite = stderr
            else:
                errwrite = stderr.fileno()
        except:
            for fd in (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite):
                if fd >= 0 and (fd in self._child_ends or fd in (p2cwrite, c2pread, errread)):
                    _close(fd)
            self._child_ends = []
            raise
        for fd in (p2cread, c2pwrite, errwrite):
            if fd < -3 or fd == -2:
                raise OSError(9, "Bad file descriptor")
        return (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

    def _execute_child(self, args, executable, close_fds, cwd, env, shell,
                       p2cread, c2pwrite, errwrite,
                       start_new_session, process_group):
        if isinstance(args, (str, bytes)):
            args = [args]
        else:
            args = list(args)

        if shell:
            args = ["/bin/sh", "-c"] + args
            if executable:
                args[0] = executable

        if executable is None:
            executable = args[0]
        orig_executable = executable

        if env is not None:
            env_list = []
            for k, v in env.items():
                k = _fsencode(k)
                if b'=' in k:
                    raise ValueError("illegal environment variable name")
                env_list.append((k, _fsencode(v)))
        else:
            env_list = None
        executable = _fsencode(executable)
        argv = [_fsencode(a) for a in args]
        cwd_b = None if cwd is None else _fsencode(cwd)

        try:
            self.pid = _spawn(self._started, executable, argv, cwd_b, env_list,
                              p2cread, c2pwrite, errwrite,
                              close_fds, start_new_session, process_group,
                              orig_executable, cwd)
            self._child_created = True
        finally:
            for fd in self._child_ends:
                _close(fd)
            self._closed_child_pipe_fds = True

    def poll(self):
        """Checks if the child has ended; sets and returns returncode."""
        if self.returncode is None:
            self.returncode = _wait(self.pid, 0)
        return self.returncode

    def _remaining_time(self, endtime):
        if endtime is None:
            return None
        return endtime - _time()

    def _check_timeout(self, endtime, orig_timeout, stdout_seq, stderr_seq,
                       skip_check_and_raise=False):
        if endtime is None:
            return
        if skip_check_and_raise or _time() > endtime:
            raise TimeoutExpired(
                self.args, orig_timeout,
                output=b''.join(stdout_seq) if stdout_seq else None,
                stderr=b''.join(stderr_seq) if stderr_seq else None)

    def _wait(self, timeout):
        if self.returncode is not None:
            return self.returncode
        rc = _wait(self.pid, timeout)
        if rc is None:
            raise TimeoutExpired(self.args, timeout)
        self.returncode = rc
        return rc

    def wait(self, timeout=None):
        """Waits for the child to end; returns returncode."""
        if timeout is not None:
            endtime = _time() + timeout
        try:
            return self._wait(timeout=timeout)
        except KeyboardInterrupt:
            if timeout is not None:
                sigint_timeout = min(self._sigint_wait_secs,
                                     self._remaining_time(endtime))
            else:
                sigint_timeout = self._sigint_wait_secs
            self._sigint_wait_secs = 0
            try:
                self._wait(timeout=sigint_timeout)
            except TimeoutExpired:
                pass
            raise

    def communicate(self, input=None, timeout=None):
        """Sends input to stdin and closes it, reads stdout and stderr to
        their end, waits for the child; returns (stdout, stderr)."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if timeout is not None:
            endtime = _time() + timeout
        else:
            endtime = None
        try:
            stdout, stderr = self._communicate(input, endtime, timeout)
        except KeyboardInterrupt:
            if timeout is not None:
                sigint_timeout = min(self._sigint_wait_secs,
                                     self._remaining_time(endtime))
            else:
                sigint_timeout = self._sigint_wait_secs
            self._sigint_wait_secs = 0
            try:
                self._wait(timeout=sigint_timeout)
            except TimeoutExpired:
                pass
            raise
        finally:
            self._communication_started = True
        self.wait(timeout=self._remaining_time(endtime))
        return (stdout, stderr)

    def _close_stdin(self):
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass

    def _communicate(self, input, endtime, orig_timeout):
        if self.stdin and not self._communication_started:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                self._close_stdin()

        stdout = None
        stderr = None
        if not self._communication_started:
            self._fileobj2output = {}
            if self.stdout:
                self._fileobj2output["stdout"] = []
            if self.stderr:
                self._fileobj2output["stderr"] = []
        if self.stdout:
            stdout = self._fileobj2output["stdout"]
        if self.stderr:
            stderr = self._fileobj2output["stderr"]

        if self.stdin and self._input is None:
            self._input_offset = 0
            self._input = input
            if input is not None:
                if self.text_mode:
                    self._input = input.encode(self.encoding or 'utf-8',
                                               self.errors or 'strict')
                elif not isinstance(input, bytes):
                    raise TypeError("memoryview: a bytes-like object is "
                                    "required, not '%s'" % type(input).__name__)

        state = [self._input_offset]
        try:
            while True:
                in_fd = -1
                if self.stdin and input and not self.stdin.closed:
                    in_fd = self.stdin.fileno()
                out_fd = -1
                if self.stdout and not self.stdout.closed:
                    out_fd = self.stdout.fileno()
                err_fd = -1
                if self.stderr and not self.stderr.closed:
                    err_fd = self.stderr.fileno()
                if in_fd == -1 and out_fd == -1 and err_fd == -1:
                    break
                timeout = self._remaining_time(endtime)
                if timeout is not None and timeout < 0:
                    self._check_timeout(endtime, orig_timeout, stdout, stderr,
                                        skip_check_and_raise=True)
                done = _pump(in_fd, self._input, state, out_fd, stdout,
                             err_fd, stderr, timeout)
                self._check_timeout(endtime, orig_timeout, stdout, stderr)
                if done is None:
                    continue
                if done & 1:
                    self._close_stdin()
                if done & 2:
                    self.stdout.close()
                if done & 4:
                    self.stderr.close()
        finally:
            self._input_offset = state[0]

        self.wait(timeout=self._remaining_time(endtime))

        if stdout is not None:
            stdout = b''.join(stdout)
        if stderr is not None:
            stderr = b''.join(stderr)
        if self.text_mode:
            if stdout is not None:
                stdout = self._translate_newlines(stdout)
            if stderr is not None:
                stderr = self._translate_newlines(stderr)
        return (stdout, stderr)

    def send_signal(self, sig):
        """Sends signal sig to the child (unless it has already ended)."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        """Terminates the child with SIGTERM."""
        self.send_signal(signal.SIGTERM)

    def kill(self):
        """Kills the child with SIGKILL."""
        self.send_signal(signal.SIGKILL)
