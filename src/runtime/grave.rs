//! Deferred freeing of big containers, so a signal never waits for a drop.
//!
//! Dropping the last reference to a list of a million strs frees a million
//! objects: tens of milliseconds in which no safe point comes. A big list,
//! tuple, dict or set that dies instead hands its items to the graveyard
//! (one move, no copy), and the VM frees them at its next general-path
//! instruction a slice at a time, polling signals between slices
//! (`Vm::free_graveyard`). What the items own (files, sockets, suspended
//! generators) is released at that point, at most a tick later than an
//! immediate drop; the exit sequence frees what is left before flushing.
//!
//! Freeing charges nothing: icount does not depend on when it happens.

use std::cell::{Cell, RefCell};

/// Containers with fewer items are freed at once (a few microseconds).
pub const BURY_MIN: usize = 2048;

/// Items freed between two polls of the signal runtime.
pub const SLICE: usize = 2048;

/// The items of a dead container, freed from the end a slice at a time.
pub trait Corpse {
    /// Items left.
    fn left(&self) -> usize;
    /// Frees up to `n` items from the end.
    fn free_some(&mut self, n: usize);
}

impl<T> Corpse for Vec<T> {
    fn left(&self) -> usize {
        self.len()
    }

    fn free_some(&mut self, n: usize) {
        let keep = self.len().saturating_sub(n);
        self.truncate(keep);
        if keep == 0 {
            // Return the buffer itself now, not when the Vec is dropped.
            self.shrink_to_fit();
        }
    }
}

thread_local! {
    static GRAVE: RefCell<Vec<Box<dyn Corpse>>> = const { RefCell::new(Vec::new()) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Whether buried items wait to be freed (cheap: one TLS load).
#[inline(always)]
pub fn pending() -> bool {
    PENDING.with(|p| p.get())
}

/// Takes the items of a dying container when there are many (the others
/// are dropped at once by the caller, as usual).
#[inline]
pub fn bury<T: 'static>(items: &mut Vec<T>) {
    if items.len() >= BURY_MIN {
        bury_all(std::mem::take(items));
    }
}

#[cold]
#[inline(never)]
fn bury_all<T: 'static>(items: Vec<T>) {
    // Thread-local storage gone or busy: the items are dropped here.
    let buried = GRAVE
        .try_with(|g| match g.try_borrow_mut() {
            Ok(mut g) => {
                g.push(Box::new(items));
                true
            }
            Err(_) => false,
        })
        .unwrap_or(false);
    if buried {
        let _ = PENDING.try_with(|p| p.set(true));
    }
}

/// Takes the oldest buried container, clearing the flag when none is left.
pub fn dig_up() -> Option<Box<dyn Corpse>> {
    let next = GRAVE
        .try_with(|g| {
            let mut g = g.borrow_mut();
            if g.is_empty() {
                None
            } else {
                Some(g.remove(0))
            }
        })
        .ok()
        .flatten();
    if next.is_none() {
        let _ = PENDING.try_with(|p| p.set(false));
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_containers_are_not_buried() {
        let mut v = vec![1u8; BURY_MIN - 1];
        bury(&mut v);
        assert!(!pending());
        assert_eq!(v.len(), BURY_MIN - 1);
    }

    #[test]
    fn big_containers_are_freed_a_slice_at_a_time() {
        let mut v = vec![String::from("x"); BURY_MIN * 2 + 5];
        bury(&mut v);
        assert!(v.is_empty());
        assert!(pending());
        let mut c = dig_up().expect("a buried container");
        assert_eq!(c.left(), BURY_MIN * 2 + 5);
        c.free_some(SLICE);
        assert_eq!(c.left(), BURY_MIN * 2 + 5 - SLICE);
        c.free_some(usize::MAX);
        assert_eq!(c.left(), 0);
        assert!(dig_up().is_none());
        assert!(!pending());
    }
}
