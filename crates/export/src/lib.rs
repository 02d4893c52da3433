//! Renderings of Agora's data for download. Large outputs are produced row by row so
//! that the caller can stream them.

pub mod atom;
pub mod csv_rows;
pub mod docx;
pub mod ical;
pub mod pdf;
pub mod report;
pub mod sheet;
pub mod table_xlsx;
pub mod xlsx;
