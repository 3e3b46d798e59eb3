//! The OS layer: every system call the signal runtime and the modules make
//! that needs `unsafe` lives here, each block with its `// SAFETY:` note.
//! Everything above this module is safe Rust.
//!
//! - `alloc`: the memory allocator's options and the global allocator (a
//!   per-thread cache of small blocks in front of malloc)
//! - `sig`: signal masks (a `u64` bitmask, bit `n-1` for signal `n`),
//!   dispositions, `signalfd`, `kill`, timers
//! - `poll`: `ppoll` over raw fds
//! - `libm`: C math functions whose results CPython prints
//! - `fd`: fd numbers stored in Python objects, back to Rust fd types
//! - `ring`: the io_uring ring that watches the signalfd for the tick
//! - `clock`: calendar time (`gmtime_r`, `localtime_r`, `mktime`, `strftime`)
//! - `net`: int socket options, `getaddrinfo`, `gethostname`
//! - `child`: starting `/bin/sh -c` children with the inherited signal
//!   state, and waiting on their pidfd
//! - `proc`: `fork`, `exec*`, `waitpid`, `close`, `dup2`, the environment

#![allow(unsafe_code)]

pub mod alloc;
pub mod child;
pub mod clock;
pub mod fd;
pub mod libm;
pub mod net;
pub mod poll;
pub mod proc;
pub mod ring;
pub mod sig;
