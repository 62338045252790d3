//! nianbao: a validator for 政府信息公开工作年度报告.
pub mod document;
pub mod read;
