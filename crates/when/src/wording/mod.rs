//! How errors, notes and times are worded, one file per language. The
//! readers never build user-facing text; they return typed values that are
//! worded here.
pub(crate) mod en;
pub(crate) mod es;
