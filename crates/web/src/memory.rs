//! Handing memory the allocator holds, but no longer uses, back to the system.
//!
//! glibc keeps what a thread frees in that thread's arena for the next allocation, and
//! returns it to the system only from the top of a heap. After a busy hour the server's
//! threads hold tens of megabytes of such free memory; a large download (a report of ten
//! thousand remarks, an export of a quarter of a million responses) would otherwise stack its
//! own peak on top of it. This is the one place the project calls into C itself.

/// Returns the free pages of every arena to the system (glibc's `malloc_trim`); elsewhere it
/// does nothing, as other allocators give memory back on their own.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn release() {
    // SAFETY: `malloc_trim` takes no pointers and glibc serialises it with every other
    // allocator call, so it cannot observe or break any memory Rust owns.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Returns the free pages of every arena to the system; a no-op off glibc.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release() {}
