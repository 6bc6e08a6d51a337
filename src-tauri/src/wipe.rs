//! The app's memory allocator: the system's, except that every block is overwritten with zeros
//! before it is handed back. The passphrase passes through buffers whose lifetime the app does
//! not control (the IPC request body, the JSON parser's strings, the SQL text that sets the
//! key); wiping every block on free means that once the vault locks and the last owner of a
//! secret drops, no copy of it is left in freed memory of the app's Rust code. Growing or
//! shrinking a block moves it to a new one and wipes the old. Memory that WebKit and the C
//! libraries allocate themselves is theirs; SQLCipher wipes its own.
//!
//! This is the one module allowed `unsafe`: a global allocator cannot be written without it.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr;

/// Wraps an allocator (the system's in the app) and wipes each block before freeing it.
pub struct WipeOnFree<A = System>(pub A);

/// Zeros `len` bytes at `ptr` in a way the optimiser cannot drop as a dead store before a free.
///
/// # Safety
/// `ptr` must be valid for writes of `len` bytes.
unsafe fn wipe(ptr: *mut u8, len: usize) {
    unsafe { ptr::write_bytes(ptr, 0, len) };
    // The block is about to be freed, which the optimiser knows makes the zeros unobservable;
    // passing the pointer through black_box makes them observable again.
    std::hint::black_box(ptr);
    std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
}

// SAFETY: every method forwards to the inner allocator with the layout it was given, and only
// writes inside blocks the caller owns and is giving up.
unsafe impl<A: GlobalAlloc> GlobalAlloc for WipeOnFree<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { self.0.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { self.0.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe {
            wipe(ptr, layout.size());
            self.0.dealloc(ptr, layout);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // The system's realloc may move the block and free the old one unwiped, so move it here.
        unsafe {
            let grown = Layout::from_size_align_unchecked(new_size, layout.align());
            let moved = self.0.alloc(grown);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            moved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// An inner allocator that, at the moment each block comes back to it, records whether
    /// every byte of it was zero.
    struct Inspecting {
        returned: Mutex<Vec<(usize, bool)>>,
    }

    unsafe impl GlobalAlloc for Inspecting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            let bytes = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            let zeroed = bytes.iter().all(|&b| b == 0);
            self.returned.lock().unwrap().push((layout.size(), zeroed));
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    fn wiping() -> WipeOnFree<Inspecting> {
        WipeOnFree(Inspecting {
            returned: Mutex::new(Vec::new()),
        })
    }

    #[test]
    fn a_freed_block_holding_a_secret_is_all_zeros_when_the_system_gets_it_back() {
        let alloc = wiping();
        let layout = Layout::from_size_align(64, 8).unwrap();
        unsafe {
            let block = alloc.alloc(layout);
            assert!(!block.is_null());
            ptr::copy_nonoverlapping(b"correct horse battery staple".as_ptr(), block, 28);
            alloc.dealloc(block, layout);
        }
        assert_eq!(*alloc.0.returned.lock().unwrap(), vec![(64, true)]);
    }

    #[test]
    fn growing_and_shrinking_keep_the_contents_and_wipe_the_old_block() {
        let alloc = wiping();
        let layout = Layout::from_size_align(16, 8).unwrap();
        unsafe {
            let block = alloc.alloc(layout);
            ptr::copy_nonoverlapping(b"sixteen secrets!".as_ptr(), block, 16);
            let grown = alloc.realloc(block, layout, 4096);
            assert_eq!(std::slice::from_raw_parts(grown, 16), b"sixteen secrets!");
            let big = Layout::from_size_align(4096, 8).unwrap();
            let shrunk = alloc.realloc(grown, big, 7);
            assert_eq!(std::slice::from_raw_parts(shrunk, 7), b"sixteen");
            alloc.dealloc(shrunk, Layout::from_size_align(7, 8).unwrap());
        }
        assert_eq!(
            *alloc.0.returned.lock().unwrap(),
            vec![(16, true), (4096, true), (7, true)]
        );
    }
}
