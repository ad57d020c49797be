//! Parts shared by screens: charts, notices, the export/import tools.

pub mod charts;
pub mod data_tools;
pub mod edit_form;
pub mod import_panel;
pub mod notices;
