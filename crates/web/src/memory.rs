//! Handing memory the allocator holds but no longer uses back to the system.
//!
//! glibc's allocator keeps freed memory for the next allocation; after a busy hour that is
//! tens of megabytes, and a large download (a report of ten thousand remarks, an export of a
//! quarter of a million responses) would otherwise stack its own peak on top of it. mimalloc
//! was tried as the allocator and not kept: faster under a stream of submissions, but after
//! the load scenarios its threads' heaps kept what they had freed, and the report PDF peaked
//! at 219–241 MiB private (budget 200) against 120 MiB with glibc. This is the one place the
//! project calls into C itself.

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
