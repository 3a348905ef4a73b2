//! Parallax: compare how several outlets cover the same event.
//!
//! The pipeline is pure and ends in one hand-off type, [`comparison::Comparison`]:
//! [`ingest`] (bytes → text) → [`analysis`] (clean, segment, and later quotes, alignment,
//! framing) → `Comparison`, which the [`app`] and every [`report`] read. Only [`load`], [`save`],
//! the app and the command line touch the file system.

pub mod analysis;
#[cfg(feature = "app")]
pub mod app;
pub mod cli;
pub mod comparison;
pub mod ingest;
pub mod load;
pub mod report;
pub mod save;
pub mod saved;
