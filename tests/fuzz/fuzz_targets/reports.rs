//! Comparison → every report: never a panic; the JSON parses; article text never becomes
//! markup in the HTML report.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use parallax::report::{ReportFormat, render};

fuzz_target!(|data: &[u8]| {
    let comparison = common::analyze(&common::inputs(data));
    common::check(&comparison);
    for format in ReportFormat::ALL {
        let text = render(&comparison, format);
        match format {
            ReportFormat::Json => {
                serde_json::from_str::<serde_json::Value>(&text).expect("the JSON report parses");
            }
            ReportFormat::Html => {
                let lower = text.to_ascii_lowercase();
                for tag in [
                    "<script", "<iframe", "<img", "<object", "<embed", "<svg", "<link",
                ] {
                    assert!(!lower.contains(tag), "{tag} in the HTML report");
                }
            }
            ReportFormat::Md | ReportFormat::Csv => {}
        }
    }
});
