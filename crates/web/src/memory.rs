//! Handing memory the allocator holds but no longer uses back to the system.
//!
//! glibc's allocator keeps freed memory for the next allocation; after a busy hour that is
//! tens of megabytes, and a large download (a report of ten thousand remarks, an export of a
//! quarter of a million responses) would otherwise stack its own peak on top of it. mimalloc
//! was tried as the allocator and not kept: faster under a stream of submissions, but after
//! the load scenarios its threads' heaps kept what they had freed, and the report PDF's peak
//! went over its memory budget (BENCHMARKS.md). This module is the one place the project calls
//! into C itself.

/// Makes glibc map every large block on its own, from the start of the process.
///
/// glibc raises that threshold each time such a block is freed, up to 32 MiB, after which the
/// buffers of one download (a report's pages, a spreadsheet's rows) stay in the heap for the
/// next and raise the following download's peak; with the threshold fixed they go back to the
/// system, at no cost to submissions (BENCHMARKS.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn map_large_blocks_alone() {
    /// Blocks at least this large get their own mapping, returned to the system when freed.
    const MAP_ALONE: libc::c_int = 256 * 1024;
    // SAFETY: `mallopt` takes no pointers and only sets a parameter later allocations read;
    // it is called once, at start-up, before any large block is allocated.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MAP_ALONE);
    }
}

/// Nothing to set on other platforms.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn map_large_blocks_alone() {}

/// Returns the free memory of every glibc arena to the system (`malloc_trim`).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn release() {
    // SAFETY: `malloc_trim` takes no pointers and glibc serialises it with every other
    // allocator call, so it cannot observe or break any memory Rust or SQLite owns.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Nothing to return on other platforms.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release() {}
