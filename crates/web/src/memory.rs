//! The allocator, and handing memory it holds but no longer uses back to the system.
//!
//! Rust's allocations go to mimalloc: under a stream of submissions glibc's `malloc` and
//! `free` were a fifth of the server's time (`perf`, survey submission at 500 connections).
//! SQLite, being C, still allocates through glibc. Both keep freed memory for the next
//! allocation; after a busy hour that is tens of megabytes, and a large download (a report
//! of ten thousand remarks, an export of a quarter of a million responses) would otherwise
//! stack its own peak on top of it. This is the one place the project calls into C itself.

/// Every allocation of the Rust code, in any binary or test that links this crate.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Returns the free pages of both allocators to the system: mimalloc's (`mi_collect`) and,
/// on glibc, those of every arena SQLite allocated from (`malloc_trim`).
#[allow(unsafe_code)]
pub fn release() {
    // SAFETY: `mi_collect` takes no pointers; it frees only pages mimalloc itself holds empty.
    unsafe {
        libmimalloc_sys::mi_collect(true);
    }
    trim_glibc();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn trim_glibc() {
    // SAFETY: `malloc_trim` takes no pointers and glibc serialises it with every other
    // allocator call, so it cannot observe or break any memory Rust or SQLite owns.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim_glibc() {}
