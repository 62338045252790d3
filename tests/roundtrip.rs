//! Property test: random consistent figures for either template, rendered in every layout,
//! read back exactly with no error; then one cell changed → the arithmetic rules fire and
//! `suspect-cell` names that cell.

mod common;

use common::{consistent_cells, consistent_cells_zeroed, render, Blanks, Cells, Layout, Rng, Story, Style, LAYOUTS};
use nianbao::template::Template;
use nianbao::{validate_bytes, Severity, Source};
use proptest::prelude::*;

fn story(template: &Template) -> Story {
    Story { body: "某某市某某局", year: if template.id == "2019" { 2020 } else { 2023 } }
}

/// Layouts to try: all, or those listed in `ROUNDTRIP_LAYOUTS` (indexes, for debugging).
fn layout(index: usize) -> Option<Layout> {
    match std::env::var("ROUNDTRIP_LAYOUTS") {
        Ok(list) if !list.split(',').any(|i| i.trim() == index.to_string()) => None,
        _ => Some(LAYOUTS[index]),
    }
}

/// Renders the cells in the layout and reads them back: every cell as written (a blank as
/// null), and no finding but `cell-blank` where blanks were written (and `missing-section` in
/// a bare fragment).
fn check_exact(template: &'static Template, cells: &Cells, layout: Layout, style: &Style, rng: &mut Rng, seed: u64) -> Result<(), TestCaseError> {
    let bytes = render(template, cells, &story(template), layout, style, rng);
    let result = validate_bytes(&bytes, &Source { filename: Some(layout.filename()) });
    let context = || format!("template {} layout {:?} {style:?} seed {seed}\n{}", template.id, layout, String::from_utf8_lossy(&bytes));
    prop_assert_eq!(result.template, Some(template.id), "{}", context());
    for (id, want) in cells {
        let got = result.cells.get(id.as_str()).copied().flatten().map(|n| n.0);
        prop_assert_eq!(got, style.expected(id, *want), "cell {} in {}", id, context());
    }
    let blanks_written = cells.iter().any(|(id, v)| style.expected(id, *v).is_none());
    let problems: Vec<String> = result
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info && !(d.rule == "cell-blank" && blanks_written))
        // A bare table fragment has no sections to find.
        .filter(|d| !(layout == Layout::HtmlFragment && d.rule == "missing-section"))
        .map(|d| format!("{}: {}", d.rule, d.message))
        .collect();
    prop_assert!(problems.is_empty(), "findings {:?} in {}", problems, context());
    Ok(())
}

/// A consistent report with zeros left blank (see `Blanks::random`), its style, and the
/// generator to render it with.
fn blank_case(template: &'static Template, layout: Layout, seed: u64) -> (Cells, Style, Rng) {
    let mut rng = Rng::new(seed ^ 0xB1A7);
    let mut style = Style::random(&mut rng, layout);
    style.blanks = Blanks::random(&mut rng, template, layout);
    style.cell_gap = 1 + rng.below(2) as usize;
    let cells = consistent_cells_zeroed(template, &mut Rng::new(seed), &style.blanks.rows);
    (cells, style, rng)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn consistent_reports_read_back_exactly(seed in any::<u64>(), t in 0usize..2, l in 0usize..LAYOUTS.len()) {
        let template = nianbao::template::TEMPLATES[t];
        let Some(layout) = layout(l) else { return Ok(()) };
        let cells = consistent_cells(template, &mut Rng::new(seed));
        let mut rng = Rng::new(seed ^ 0xABCD);
        let style = Style::random(&mut rng, layout);
        check_exact(template, &cells, layout, &style, &mut rng, seed)?;
    }

    /// Zeros written blank in every form (empty, no-break space, dashes, slash, 无): a share of
    /// the cells, whole rows and whole tables (table 四 most often); one cell per line with one
    /// or two blank lines between cells.
    #[test]
    fn blank_cells_read_back_as_null(seed in any::<u64>(), t in 0usize..2, l in 0usize..LAYOUTS.len()) {
        let template = nianbao::template::TEMPLATES[t];
        let Some(layout) = layout(l) else { return Ok(()) };
        let (cells, style, mut rng) = blank_case(template, layout, seed);
        check_exact(template, &cells, layout, &style, &mut rng, seed)?;
    }

    #[test]
    fn one_changed_cell_is_named(seed in any::<u64>(), t in 0usize..2, l in 0usize..LAYOUTS.len(), pick in any::<usize>(), delta in 1u32..40) {
        let template = nianbao::template::TEMPLATES[t];
        let mut cells = consistent_cells(template, &mut Rng::new(seed));
        let t3: Vec<String> = cells.keys().filter(|k| k.starts_with("t3.")).cloned().collect();
        let target = t3[pick % t3.len()].clone();
        let original = cells[&target];
        cells.insert(target.clone(), original + f64::from(delta));
        let Some(layout) = layout(l) else { return Ok(()) };
        let mut rng = Rng::new(seed);
        let style = Style::random(&mut rng, layout);
        let bytes = render(template, &cells, &story(template), layout, &style, &mut rng);
        let result = validate_bytes(&bytes, &Source { filename: Some(layout.filename()) });
        let arithmetic: Vec<&str> = result.diagnostics.iter().map(|d| d.rule).filter(|r| r.starts_with("t3-")).collect();
        prop_assert!(arithmetic.len() >= 2, "{} changed; findings {:?}", target, arithmetic);
        let suspect: Vec<_> = result.diagnostics.iter().filter(|d| d.rule == "suspect-cell").collect();
        prop_assert_eq!(suspect.len(), 1, "{} changed by {}; suspect findings {:?}", target, delta, suspect);
        let fix = suspect[0].fix.as_ref().unwrap();
        prop_assert_eq!(&fix.cell, &target);
        prop_assert_eq!(fix.value.0, original);
    }
}

/// Writes one rendering to /tmp for debugging: `DUMP=seed,template,layout cargo test --test roundtrip dump -- --ignored`
/// (`seed,template,layout,blank` for a case of `blank_cells_read_back_as_null`).
#[test]
#[ignore]
fn dump() {
    let spec = std::env::var("DUMP").unwrap_or_else(|_| "0,0,0".into());
    let parts: Vec<u64> = spec.split(',').map(|p| p.parse().unwrap()).collect();
    let template = nianbao::template::TEMPLATES[parts[1] as usize];
    let layout = LAYOUTS[parts[2] as usize];
    let (cells, style, mut rng) = if parts.len() > 3 {
        blank_case(template, layout, parts[0])
    } else {
        let cells = consistent_cells(template, &mut Rng::new(parts[0]));
        let mut rng = Rng::new(parts[0] ^ 0xABCD);
        let style = Style::random(&mut rng, layout);
        (cells, style, rng)
    };
    let bytes = render(template, &cells, &story(template), layout, &style, &mut rng);
    std::fs::write(format!("/tmp/dump.{}", layout.filename().rsplit('.').next().unwrap()), &bytes).unwrap();
}
