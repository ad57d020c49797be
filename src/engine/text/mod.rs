//! Texts in both languages: the interface strings, labels of ids, bilingual data strings, and
//! explanations of results.

pub mod bilingual;
pub mod explain;
pub mod i18n;
pub mod installed;
pub mod labels;
pub mod lang;
