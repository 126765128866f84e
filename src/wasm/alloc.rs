//! The module's allocator: every block a power of two in size, and each size its own list of the
//! blocks freed, so that taking a block or giving it back is a few loads and stores. A note's
//! analysis allocates and frees a few hundred small blocks (a string a token, the reading's
//! tables, the findings' messages), which a general allocator's bins and merging made a
//! fourteenth of its time. Freed memory is kept for blocks of the same size, never merged:
//! what a paste once needed stays for the next paste, as wasm memory never shrinks anyway.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 65_536;
/// Memory is asked for a megabyte at a time at least: growing it detaches every view
/// JavaScript holds on it, which the glue then makes anew.
const GROW_PAGES: usize = 16;

pub struct SizeClasses(UnsafeCell<Heap>);

struct Heap {
    /// The first freed block of each size `1 << class`; a free block holds the next one.
    free: [*mut u8; usize::BITS as usize],
    /// Untouched memory: `next..end`.
    next: usize,
    end: usize,
}

// The module runs on one thread: nothing else can reach the heap while a call uses it.
unsafe impl Sync for SizeClasses {}

impl SizeClasses {
    pub const fn new() -> Self {
        SizeClasses(UnsafeCell::new(Heap {
            free: [null_mut(); usize::BITS as usize],
            next: 0,
            end: 0,
        }))
    }
}

extern "C" {
    /// Where the linker ends the data and the stack: the heap's start.
    static __heap_base: u8;
}

/// The power of two a block for `layout` is: at least its alignment, and room for a link.
fn class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(size_of::<usize>());
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

impl Heap {
    /// A block of `1 << class` bytes aligned to its size (a page at most), never used before.
    fn carve(&mut self, class: usize) -> *mut u8 {
        if self.end == 0 {
            self.next = unsafe { &__heap_base as *const u8 as usize };
            self.end = wasm32::memory_size(0) * PAGE;
        }
        let size = 1usize << class;
        let align = size.min(PAGE);
        let mut start = (self.next + align - 1) & !(align - 1);
        if start.checked_add(size).is_none_or(|end| end > self.end) {
            let pages = size.div_ceil(PAGE).max(GROW_PAGES);
            let before = wasm32::memory_grow(0, pages);
            if before == usize::MAX {
                return null_mut();
            }
            // Memory grown by anyone else lies between: start afresh at the new pages.
            if before * PAGE != self.end {
                self.next = before * PAGE;
            }
            self.end = (before + pages) * PAGE;
            start = (self.next + align - 1) & !(align - 1);
            if start + size > self.end {
                return self.carve(class);
            }
        }
        self.next = start + size;
        start as *mut u8
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let heap = &mut *self.0.get();
        let class = class(layout);
        if class >= usize::BITS as usize - 1 {
            return null_mut();
        }
        let block = heap.free[class];
        if block.is_null() {
            return heap.carve(class);
        }
        heap.free[class] = *(block as *mut *mut u8);
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let heap = &mut *self.0.get();
        let class = class(layout);
        *(block as *mut *mut u8) = heap.free[class];
        heap.free[class] = block;
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        // A string or a list growing within its block stays where it is.
        if class(new_layout) == class(layout) {
            return block;
        }
        let moved = self.alloc(new_layout);
        if !moved.is_null() {
            core::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
            self.dealloc(block, layout);
        }
        moved
    }
}
