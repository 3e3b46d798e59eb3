# A line echo server on 127.0.0.1 serving many clients with select, that
# stops gracefully on SIGTERM: it stops accepting at once, finishes sending
# the replies already in flight, closes everything, then dies by SIGTERM
# (so its parent sees a death by that signal, as with no handler at all).
#
#   sigpy examples/echo_server.py [port]      (port 0 or none: any free port)
#
# The first line on stdout is the port; then one log line per event.
# Every line received is sent back as it came. The SIGTERM handler only
# sets a flag and writes a byte to a socketpair the main loop selects on,
# so the loop wakes up at once wherever the signal arrives.
import os
import select
import signal
import socket
import sys


def log(*args):
    print(*args, flush=True)


port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", port))
listener.listen()
listener.setblocking(False)
log(listener.getsockname()[1])

wake_r, wake_w = socket.socketpair()
wake_r.setblocking(False)
wake_w.setblocking(False)
stopping = False


def on_term(signum, frame):
    global stopping
    stopping = True
    try:
        wake_w.send(b"!")
    except BlockingIOError:
        pass  # a wake-up byte is already waiting


signal.signal(signal.SIGTERM, on_term)

inbox = {}    # client socket -> chunks received since its last whole line
outbox = {}   # client socket -> [reply bytes, how many of them were sent]


def pending(client):
    data, sent = outbox[client]
    return sent < len(data)


def drop(client):
    inbox.pop(client, None)
    outbox.pop(client, None)
    client.close()


while True:
    if stopping and listener is not None:
        listener.close()
        listener = None
        log("stopping: no new connections,", len([c for c in outbox if pending(c)]),
            "replies in flight")
    if stopping and not any(pending(c) for c in outbox):
        break
    readers = [wake_r]
    if not stopping:
        readers += [listener] + list(inbox)
    writers = [c for c in outbox if pending(c)]
    readable, writable, _ = select.select(readers, writers, [])
    for s in readable:
        if s is wake_r:
            wake_r.recv(64)
        elif s is listener:
            try:
                client, addr = listener.accept()
            except BlockingIOError:
                continue
            client.setblocking(False)
            inbox[client] = []
            outbox[client] = [b"", 0]
            log("connected", len(inbox))
        elif s in inbox:
            try:
                data = s.recv(65536)
            except (BlockingIOError, ConnectionError):
                continue
            if not data:
                log("disconnected")
                drop(s)
                continue
            if b"\n" not in data:
                inbox[s].append(data)
                continue
            buf = b"".join(inbox[s]) + data
            end = buf.rfind(b"\n") + 1
            for line in buf[:end].split(b"\n")[:-1]:
                log("request of", len(line) + 1, "bytes")
            reply, sent = outbox[s]
            outbox[s] = [reply[sent:] + buf[:end], 0]
            inbox[s] = [buf[end:]] if end < len(buf) else []
    for s in writable:
        if s not in outbox:
            continue
        reply, sent = outbox[s]
        try:
            outbox[s][1] += s.send(reply[sent:sent + 262144])
        except BlockingIOError:
            continue
        except ConnectionError:
            drop(s)

for client in list(inbox):
    drop(client)
wake_r.close()
wake_w.close()
log("replies done: exiting by SIGTERM")
signal.signal(signal.SIGTERM, signal.SIG_DFL)
os.kill(os.getpid(), signal.SIGTERM)
