//! Figures in prose: `749件`, `1,234 件`, `７件` (folded before we see it), `十二件`, `两件`,
//! `39.5%`; with the approximations that make a figure unusable (`20余件`, `近百件`, `约30件`,
//! `100件以上`).

use super::lexicon::starts_with;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// 件: a count of applications or cases.
    Piece,
    /// %: a share.
    Percent,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Index of the first character of the number.
    pub start: usize,
    /// Index just past the unit.
    pub end: usize,
    pub value: f64,
    /// Digits after the decimal point.
    pub decimals: u32,
    pub unit: Unit,
    /// Written as an estimate (余/近/约/多/以上…): not comparable.
    pub approximate: bool,
}

/// Words just before a figure that make it an estimate.
const APPROX_BEFORE: &[&str] = &["近", "约", "超过", "超", "逾", "大约", "将近", "接近", "不足", "不到", "不少于", "至少", "上千", "上百"];
/// Words between the number and its unit that make it an estimate (`20余件`).
const APPROX_INSIDE: &[char] = &['余', '多', '来'];
/// Words after the unit that make it an estimate.
const APPROX_AFTER: &[&str] = &["以上", "左右", "上下", "之多", "以内", "以下"];
/// A Chinese numeral right after one of these is part of a word (`每一件`, `统一`).
const WORD_BEFORE_NUMERAL: &[char] = &['每', '逐', '单', '第', '统', '唯', '万', '之', '同', '数', '几'];
/// `一件事` (a reform slogan), `件件`: not a count.
const WORD_AFTER_PIECE: &[char] = &['事', '件', '一', '数', '次'];

/// 〇零一二两三四五六七八九十百千.
fn is_chinese_numeral(c: char) -> bool {
    matches!(c, '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千')
}

/// Every figure with a unit (件 or %) in `chars[range]`.
pub fn figures(chars: &[char], range: std::ops::Range<usize>) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let c = chars[i];
        let parsed = if c.is_ascii_digit() {
            if preceded_by_number(chars, i, range.start) { None } else { arabic(chars, i, range.end) }
        } else if is_chinese_numeral(c) && !preceded_by_numeral_word(chars, i, range.start) {
            chinese(chars, i, range.end)
        } else {
            None
        };
        match parsed {
            Some((value, decimals, digits_end)) => {
                if let Some(figure) = with_unit(chars, i, digits_end, range.end, value, decimals) {
                    i = figure.end;
                    out.push(figure);
                } else {
                    i = digits_end.max(i + 1);
                }
            }
            None => i += 1,
        }
    }
    out
}

fn preceded_by_number(chars: &[char], i: usize, start: usize) -> bool {
    i > start && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.' || chars[i - 1] == ',')
}

fn preceded_by_numeral_word(chars: &[char], i: usize, start: usize) -> bool {
    i > start && (is_chinese_numeral(chars[i - 1]) || WORD_BEFORE_NUMERAL.contains(&chars[i - 1]))
}

/// `1,234.5` at `i`: (value, decimals, end).
fn arabic(chars: &[char], i: usize, end: usize) -> Option<(f64, u32, usize)> {
    let mut k = i;
    let mut digits = Digits::default();
    while k < end {
        let c = chars[k];
        if c.is_ascii_digit() {
            digits.push(c);
            k += 1;
        } else if c == ',' && k + 3 < end && (1..=3).all(|d| chars.get(k + d).is_some_and(char::is_ascii_digit))
            && !chars.get(k + 4).is_some_and(char::is_ascii_digit)
        {
            k += 1;
        } else {
            break;
        }
    }
    let mut decimals = 0;
    if k + 1 < end && chars[k] == '.' && chars[k + 1].is_ascii_digit() {
        k += 1;
        while k < end && chars[k].is_ascii_digit() {
            digits.push(chars[k]);
            decimals += 1;
            k += 1;
        }
    }
    Some((digits.value(decimals)?, decimals, k))
}

/// The digits of a number, read without allocating where they fit in a `u64`.
#[derive(Default)]
struct Digits {
    /// The digits as an integer (decimals included), while at most [`Digits::EXACT`] of them.
    mantissa: u64,
    count: usize,
    /// All the digits as text, once there are more than [`Digits::EXACT`].
    long: Option<String>,
}

impl Digits {
    /// Digits an `f64` holds exactly (below 2^53).
    const EXACT: usize = 15;

    fn push(&mut self, c: char) {
        self.count += 1;
        if self.count <= Self::EXACT {
            self.mantissa = self.mantissa * 10 + u64::from(c as u8 - b'0');
        } else {
            self.long.get_or_insert_with(|| format!("{:0width$}", self.mantissa, width = Self::EXACT)).push(c);
        }
    }

    /// The value with the last `decimals` digits after the point. An exact integer divided by
    /// an exact power of ten rounds once, as parsing the decimal text does, so both agree.
    fn value(&self, decimals: u32) -> Option<f64> {
        if let Some(text) = &self.long {
            let point = text.len() - decimals as usize;
            let text = if decimals > 0 { format!("{}.{}", &text[..point], &text[point..]) } else { text.clone() };
            return text.parse().ok();
        }
        if self.count == 0 {
            return None;
        }
        Some(self.mantissa as f64 / 10f64.powi(decimals as i32))
    }
}

/// `十二`, `一百零五`, `两千`, `三` at `i`: (value, 0, end). A lone `零`/`〇` is not a count
/// (`零件` means machine parts).
fn chinese(chars: &[char], i: usize, end: usize) -> Option<(f64, u32, usize)> {
    let mut k = i;
    while k < end && is_chinese_numeral(chars[k]) {
        k += 1;
    }
    if k == i + 1 && matches!(chars[i], '零' | '〇') {
        return None;
    }
    Some((chinese_value(chars[i..k].iter().copied())? as f64, 0, k))
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Parses Chinese numerals below ten thousand: `十二` 12, `一百零五` 105, `两千三百` 2300.
#[cfg(test)]
pub fn small_chinese_number(text: &str) -> Option<u32> {
    chinese_value(text.chars())
}

fn chinese_value(numerals: impl Iterator<Item = char>) -> Option<u32> {
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for c in numerals {
        if let Some(value) = chinese_digit(c) {
            if digit.is_some_and(|v| v != 0) && value != 0 {
                return None; // two digits in a row (一二) is not a number
            }
            digit = Some(value);
        } else {
            let scale = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => return None,
            };
            let d = match digit.take() {
                Some(d) => d,
                None if scale == 10 => 1,
                None => return None,
            };
            total += d * scale;
        }
    }
    Some(total + digit.unwrap_or(0))
}

/// The figure at `start..digits_end` when its unit follows: `件` (after an optional 余/多),
/// or `%`.
fn with_unit(chars: &[char], start: usize, digits_end: usize, end: usize, value: f64, decimals: u32) -> Option<Figure> {
    let mut k = digits_end;
    let mut approximate = false;
    if k < end && APPROX_INSIDE.contains(&chars[k]) {
        approximate = true;
        k += 1;
    }
    let unit = match chars.get(k) {
        Some('件') if k < end => Unit::Piece,
        Some('%') if k < end && decimals <= 2 => Unit::Percent,
        _ => return None,
    };
    let is_chinese = !chars[start].is_ascii_digit();
    if unit == Unit::Piece && (decimals > 0 || chars.get(k + 1).is_some_and(|c| WORD_AFTER_PIECE.contains(c))) {
        return None;
    }
    if unit == Unit::Percent && is_chinese {
        return None;
    }
    k += 1;
    approximate |= APPROX_BEFORE.iter().any(|w| ends_with(chars, start, w));
    approximate |= APPROX_AFTER.iter().any(|w| k < end && starts_with(chars, k, w));
    Some(Figure { start, end: k, value, decimals, unit, approximate })
}

fn ends_with(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && chars[end - n..end].iter().copied().eq(word.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(f64, Unit, bool)> {
        let chars: Vec<char> = text.chars().collect();
        figures(&chars, 0..chars.len()).into_iter().map(|f| (f.value, f.unit, f.approximate)).collect()
    }

    #[test]
    fn counts_and_shares() {
        assert_eq!(read("收到申请749件"), vec![(749.0, Unit::Piece, false)]);
        assert_eq!(read("收到申请1,234件,占比39.5%"), vec![(1234.0, Unit::Piece, false), (39.5, Unit::Percent, false)]);
        assert_eq!(read("办结十二件,两件未办结"), vec![(12.0, Unit::Piece, false), (2.0, Unit::Piece, false)]);
        assert_eq!(read("一百零五件"), vec![(105.0, Unit::Piece, false)]);
    }

    #[test]
    fn estimates_are_marked() {
        assert!(read("收到申请20余件").iter().all(|f| f.2));
        assert!(read("近百件").is_empty() || read("近百件").iter().all(|f| f.2));
        assert!(read("约30件").iter().all(|f| f.2));
        assert!(read("100件以上").iter().all(|f| f.2));
        assert!(read("超过50件").iter().all(|f| f.2));
    }

    #[test]
    fn words_are_not_counts() {
        assert!(read("高效办成一件事").is_empty());
        assert!(read("做到件件有着落").is_empty());
        assert!(read("每一件申请").is_empty());
        assert!(read("2021年").is_empty());
        assert!(read("零件").is_empty());
        assert_eq!(small_chinese_number("两千三百"), Some(2300));
        assert_eq!(small_chinese_number("一二"), None);
    }
}
