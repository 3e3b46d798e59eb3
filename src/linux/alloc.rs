//! The memory allocator: glibc malloc's settings, and the global
//! allocator, a per-thread cache of small blocks in front of malloc.
//!
//! glibc keeps freed small chunks in "fast bins" without merging them;
//! the next large request (a list's buffer growing, say) first merges
//! every one of them in a single pass (`malloc_consolidate`). After a list
//! of a million small objects dies, that pass takes milliseconds, and no
//! signal is dispatched meanwhile: a kill-to-handler latency of 5-9 ms was
//! measured on a loop building lists of 300,000 strs. Without fast bins
//! (freed chunks still go to the per-thread cache first, then are merged
//! at once), the worst latency of that loop fell to about 0.1 ms, and the
//! instructions executed on the bench corpus changed by -0.8% to +1%.

/// Turns glibc's fast bins off (see the module documentation). Called
/// once at start-up, before the interpreter allocates much.
pub fn tune() {
    // SAFETY: `mallopt` only changes a malloc parameter; M_MXFAST with 0 is
    // a documented value (no fast bins) and malloc stays consistent.
    unsafe {
        libc::mallopt(libc::M_MXFAST, 0);
    }
}

// === Small-block cache in front of malloc ===
//
// Python code makes and drops small objects at a high rate (an `Rc` box
// per str, list or instance, short text buffers, small vectors), often in
// bursts: a `split` into 4000 parts, then the death of that list. glibc's
// per-thread cache holds only 7 chunks of a size; past it (fast bins are
// off, see above) each free merges the chunk into the heap and the next
// malloc splits one off again, ~150-250 instructions per pair. `Cache`
// keeps freed blocks of up to 248 bytes on per-thread, per-size free lists
// (O(1) push and pop, no merging, so a big drop never stalls signal
// dispatch) and hands them out again; everything else, and a list's
// overflow, goes to malloc/free as before.
//
// Every block is a real malloc chunk: a size class is exactly the chunk
// size glibc gives a request (`(size + 8 + 15) & !15`, at least 32), so a
// block of a class serves any request of that class, `realloc` and `free`
// of any block are plain glibc calls, and a block allocated in one thread
// and freed in another just joins the other thread's list.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Classes of chunk sizes 32, 48, ..., 256 bytes.
const CLASSES: usize = 15;
/// Largest request that a class serves (the usable size of a 256-byte chunk).
const MAX_SMALL: usize = 248;
/// Bytes of cached blocks a class may hold (RSS bound: 15 classes of
/// 256 KB at most, in practice a few classes).
const CLASS_BYTES: usize = 256 * 1024;

/// Class index of a request of `size` bytes (`size <= MAX_SMALL`).
#[inline(always)]
fn class_of(size: usize) -> usize {
    let chunk = (size + 8 + 15) & !15;
    (chunk >> 4).saturating_sub(2)
}

/// One thread's free lists: the head of each class's list (blocks are
/// linked through their first word) and how many more blocks it may take.
struct Cache {
    heads: [Cell<*mut u8>; CLASSES],
    room: [Cell<u32>; CLASSES],
}

/// The room of empty lists: `CLASS_BYTES` worth of blocks per class
/// (computed here, not per free: a division costs ~25 cycles).
const fn initial_room() -> [Cell<u32>; CLASSES] {
    let mut room = [const { Cell::new(0) }; CLASSES];
    let mut c = 0;
    while c < CLASSES {
        room[c] = Cell::new((CLASS_BYTES / ((c + 2) << 4)) as u32);
        c += 1;
    }
    room
}

thread_local! {
    // No destructor: blocks still cached when a thread exits stay allocated
    // (sigpy's helper threads are few and long-lived).
    static CACHE: Cache = const {
        Cache {
            heads: [const { Cell::new(std::ptr::null_mut()) }; CLASSES],
            room: initial_room(),
        }
    };
}

/// The global allocator: `Cache` in front of glibc malloc.
pub struct SmallCache;

#[global_allocator]
static GLOBAL: SmallCache = SmallCache;

/// Whether a layout goes through the cache (and then to malloc, whose
/// chunks are 16-byte aligned, when the cache misses).
#[inline(always)]
fn cached(layout: &Layout) -> bool {
    layout.size() <= MAX_SMALL && layout.align() <= 16
}

impl SmallCache {
    /// A block of class `c` from this thread's list, or null.
    #[inline(always)]
    fn pop(c: usize) -> *mut u8 {
        CACHE
            .try_with(|k| {
                let head = k.heads[c].get();
                if !head.is_null() {
                    // SAFETY: `head` is a block this module pushed: a live
                    // malloc chunk of at least 24 bytes, 16-byte aligned,
                    // whose first word holds the next block (or null), and
                    // which nothing else references while it is listed.
                    let next = unsafe { *(head as *mut *mut u8) };
                    k.heads[c].set(next);
                    k.room[c].set(k.room[c].get() + 1);
                }
                head
            })
            .unwrap_or(std::ptr::null_mut())
    }

    /// Lists a freed block of class `c`; false if the list is full.
    #[inline(always)]
    fn push(c: usize, ptr: *mut u8) -> bool {
        CACHE
            .try_with(|k| {
                let room = k.room[c].get();
                if room == 0 {
                    return false;
                }
                // SAFETY: `ptr` is a block being freed (the caller owns it
                // and gives it up), a malloc chunk of at least 24 bytes,
                // 16-byte aligned: its first word may hold the link.
                unsafe { *(ptr as *mut *mut u8) = k.heads[c].get() };
                k.heads[c].set(ptr);
                k.room[c].set(room - 1);
                true
            })
            .unwrap_or(false)
    }
}

// SAFETY: every pointer handed out is a live malloc chunk of at least
// `layout.size()` usable bytes, 16-byte aligned (or comes from `System`
// for layouts the cache does not serve, and goes back to it); a block is
// on at most one free list and never handed out twice.
unsafe impl GlobalAlloc for SmallCache {
    // Out of line: inlined into every allocation site, the cache grew
    // .text by 220 KB and start-up touched ~400 KB more of it.
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if cached(&layout) {
            let p = Self::pop(class_of(layout.size()));
            if !p.is_null() {
                return p;
            }
            // SAFETY: malloc of a non-zero size (GlobalAlloc's contract).
            return unsafe { libc::malloc(layout.size()) as *mut u8 };
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    #[inline(never)]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if cached(&layout) {
            let p = Self::pop(class_of(layout.size()));
            if !p.is_null() {
                // SAFETY: the block has at least `layout.size()` bytes.
                unsafe { std::ptr::write_bytes(p, 0, layout.size()) };
                return p;
            }
            // SAFETY: calloc of a non-zero size.
            return unsafe { libc::calloc(1, layout.size()) as *mut u8 };
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc_zeroed(layout) }
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if cached(&layout) {
            if !Self::push(class_of(layout.size()), ptr) {
                // SAFETY: `ptr` is a malloc chunk this allocator handed out.
                unsafe { libc::free(ptr as *mut libc::c_void) };
            }
            return;
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if cached(&layout) {
            if new_size <= MAX_SMALL && class_of(new_size) == class_of(layout.size()) {
                // The chunk already has room for any size of its class.
                return ptr;
            }
            // SAFETY: `ptr` is a malloc chunk (a cached layout's blocks all
            // are), so glibc can resize it; the alignment stays <= 16.
            return unsafe { libc::realloc(ptr as *mut libc::c_void, new_size) as *mut u8 };
        }
        if layout.align() <= 16 && new_size <= MAX_SMALL {
            // Shrinking into the cached range: the new block must be one
            // the cache may list later, so take it from malloc.
            // SAFETY: layout.align() <= 16 and the old block came from
            // System, which used malloc for it; realloc keeps a malloc chunk.
            return unsafe { libc::realloc(ptr as *mut libc::c_void, new_size) as *mut u8 };
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}
