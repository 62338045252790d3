//! The words that say what a figure in prose is about, and the words that make a figure
//! unusable (another business, another scope, another year, a part of a whole).
//!
//! Words are matched greedily from left to right, the longest at each position, so
//! `予以公开和部分公开` is one word (not 予以公开 + 部分公开), `上年结转` is not `上年`, and
//! `不予处理` is not `处理`.

use super::lexicon::{char_at, char_count, first_char, Sieve};

/// What a count in the narrative describes. Each topic has the readings of
/// [`super::judge::readings`]; where a phrase has two plausible readings both are accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// 收到/新收: 一、本年新收, or new plus carried over (reports count received applications
    /// both ways).
    Received,
    /// 受理: new, or new plus carried over (reports use it both ways).
    Accepted,
    /// 上年结转.
    Carried,
    /// 办结/答复/回复: （七）总计.
    Answered,
    /// 办理/处理: （七）总计, or the caseload new plus carried over.
    Handled,
    /// 结转下年度/转下一年度/正在办理.
    CarriedForward,
    Granted,
    Partial,
    /// 予以公开和部分公开: the two together.
    GrantedOrPartial,
    Denied,
    Unable,
    Rejected,
    Other,
    /// 自然人 (new, or new plus carried).
    Natural,
    /// 法人或其他组织: the five organisation columns (new, or new plus carried).
    Organisation,
    Review,
    Suit,
    ReviewAndSuit,
}

impl Topic {
    /// Generic words (收到, 受理, 办结, 办理): they give way to a specific word in one phrase.
    pub fn is_generic(self) -> bool {
        matches!(self, Topic::Received | Topic::Accepted | Topic::Answered | Topic::Handled)
    }

    /// The outcome rows of table 三: words used of nothing but applications.
    pub fn is_outcome(self) -> bool {
        matches!(
            self,
            Topic::Granted | Topic::Partial | Topic::GrantedOrPartial | Topic::Denied | Topic::Unable | Topic::Rejected | Topic::Other
        )
    }

    pub fn is_table4(self) -> bool {
        matches!(self, Topic::Review | Topic::Suit | Topic::ReviewAndSuit)
    }

    /// In Chinese, for messages: what the narrative says the figure is.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Received => "收到申请",
            Topic::Accepted => "受理申请",
            Topic::Carried => "上年结转",
            Topic::Answered => "办结（答复）",
            Topic::Handled => "办理",
            Topic::CarriedForward => "结转下年度",
            Topic::Granted => "予以公开",
            Topic::Partial => "部分公开",
            Topic::GrantedOrPartial => "予以公开和部分公开",
            Topic::Denied => "不予公开",
            Topic::Unable => "无法提供",
            Topic::Rejected => "不予处理",
            Topic::Other => "其他处理",
            Topic::Natural => "自然人申请",
            Topic::Organisation => "法人或其他组织申请",
            Topic::Review => "行政复议",
            Topic::Suit => "行政诉讼",
            Topic::ReviewAndSuit => "行政复议和行政诉讼",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// Names a topic. `specific` words (予以公开, 上年结转, 自然人…) win over generic ones
    /// (收到, 办结, 答复…) in the same phrase: `同意公开答复 9 件` is about 予以公开.
    Topic { topic: Topic, specific: bool },
    /// 案件: the 行政复议/行政诉讼 cases the sentence names.
    Cases,
    /// Another kind of business (留言, 热线, 信访, 建议提案…): not applications.
    Foreign,
    /// Part of the body or beyond it (各部门, 下属, 乡镇, 全国…).
    OtherScope,
    /// 全市, 全县…: the body's own scope when it is that level's government.
    Scope(char),
    /// 其中: a part of the whole just stated.
    Among,
    /// 网上, 信函…: applications by one channel only.
    Channel,
    /// 同比, 增加, 较…: a change, not a figure of the year.
    Compare,
    /// 上年, 去年 (outside 上年结转): another year.
    OtherYear,
    /// 和, 及, 并, 、, 连同, 共: joins two things (or sums them).
    Conjunction,
    /// 含上年结转: the figure includes carried-over applications.
    IncludesCarried,
    /// A word that contains a keyword but is none (及时, 本部门…).
    Mask,
}

macro_rules! topic {
    ($topic:ident, $specific:expr, [$($w:literal),+ $(,)?]) => {
        &[$(($w, Word::Topic { topic: Topic::$topic, specific: $specific })),+]
    };
}

macro_rules! words {
    ($word:expr, [$($w:literal),+ $(,)?]) => {
        &[$(($w, $word)),+]
    };
}

const DICTIONARY: &[&[(&str, Word)]] = &[
    topic!(Carried, true, ["上年结转", "上年度结转", "上一年度结转", "上一年结转", "去年结转", "往年结转"]),
    topic!(CarriedForward, true, [
        "结转下年度", "结转下一年度", "结转下一年", "结转下年", "结转到下一年", "结转至下一年", "结转至下年",
        "结转到下年", "转下一年度", "转下年度", "转下一年", "转入下一年", "转入下年", "正在办理", "尚在办理",
        "仍在办理", "继续办理", "尚未办结", "未办结", "正在处理", "尚在处理",
    ]),
    topic!(Granted, true, ["予以公开", "同意公开", "准予公开"]),
    topic!(Partial, true, ["部分公开", "予以部分公开", "同意部分公开"]),
    topic!(GrantedOrPartial, true, [
        "予以公开和部分公开", "予以公开及部分公开", "予以公开、部分公开", "予以公开与部分公开", "予以公开或部分公开",
        "同意公开和部分公开", "同意公开及部分公开", "同意公开、部分公开", "公开和部分公开", "公开及部分公开",
        "公开或部分公开", "公开、部分公开", "全部或部分公开", "全部公开和部分公开", "全部或部分予以公开",
    ]),
    topic!(Denied, true, ["不予公开"]),
    topic!(Unable, true, ["无法提供"]),
    topic!(Rejected, true, ["不予处理"]),
    topic!(Other, true, ["其他处理", "其它处理"]),
    topic!(Natural, true, ["自然人"]),
    topic!(Organisation, true, [
        "法人或其他组织", "法人和其他组织", "法人或者其他组织", "法人及其他组织", "法人或其它组织", "法人和其它组织",
        "法人及其它组织", "法人或者其它组织",
    ]),
    topic!(Review, true, ["行政复议"]),
    topic!(Suit, true, ["行政诉讼"]),
    topic!(ReviewAndSuit, true, [
        "行政复议和行政诉讼", "行政复议、行政诉讼", "行政复议及行政诉讼", "行政复议与行政诉讼", "行政复议或行政诉讼",
        "行政复议和诉讼", "行政复议、诉讼", "复议和诉讼", "复议、诉讼", "复议诉讼",
    ]),
    topic!(Received, false, ["收到", "新收", "接收", "接到", "收悉", "共收"]),
    topic!(Accepted, false, ["受理"]),
    topic!(Answered, false, ["办结", "答复", "回复"]),
    topic!(Handled, false, ["办理", "处理"]),
    words!(Word::Cases, ["案件"]),
    words!(Word::Foreign, [
        "留言", "热线", "12345", "工单", "来电", "来信", "信箱", "建议", "提案", "咨询", "诉求", "办件", "信访",
        "举报", "投诉", "审批", "许可", "政务服务", "舆情", "意见", "网民", "来访", "处理费", "收费", "费用",
        "文件", "纠纷", "事项", "信件", "督办", "催办", "人大", "政协", "代表", "媒体", "稿件", "短信",
    ]),
    words!(Word::OtherScope, [
        "各部门", "各单位", "各乡镇", "各街道", "各地", "下属", "所属", "县直", "市直", "区直", "旗直", "乡镇",
        "街道", "全国", "各级", "各县", "各区", "各市", "部门", "单位", "系统", "各行政机关", "行政机关",
    ]),
    words!(Word::Mask, [
        "本部门", "本单位", "我单位", "我部门", "本机关", "我机关", "及时", "参与", "共和国", "回复率", "办结率",
        "答复率", "公开率", "办理结果", "申请人", "加强", "加大", "加快", "参加",
        // Every applicant, not one group: `公民、法人或其他组织` is not 法人或其他组织.
        "公民、法人或其他组织", "公民、法人和其他组织", "公民、法人或者其他组织", "自然人、法人或其他组织",
        "自然人、法人和其他组织", "自然人、法人或者其他组织",
    ]),
    &[
        ("全市", Word::Scope('市')),
        ("全县", Word::Scope('县')),
        ("全区", Word::Scope('区')),
        ("全省", Word::Scope('省')),
        ("全旗", Word::Scope('旗')),
        ("全州", Word::Scope('州')),
        ("全盟", Word::Scope('盟')),
        ("全镇", Word::Scope('镇')),
        ("全乡", Word::Scope('乡')),
    ],
    words!(Word::Among, ["其中"]),
    words!(Word::Channel, [
        "网上", "网络", "在线", "线上", "线下", "当面", "信函", "邮寄", "传真", "电子邮件", "邮件", "电话", "现场",
        "窗口", "平台", "网站", "来函", "书面",
    ]),
    words!(Word::Compare, ["同比", "增加", "减少", "增长", "下降", "上升", "持平", "环比", "较", "比上年", "比去年"]),
    words!(Word::OtherYear, ["上年", "去年", "上一年", "前年", "往年", "上年度"]),
    words!(Word::Conjunction, [
        "和", "及", "与", "并", "以及", "、", "或", "或者", "加", "连同", "加上", "合计", "共计", "总计", "累计", "共",
    ]),
    words!(Word::IncludesCarried, ["含上年结转", "包括上年结转", "含结转", "包含上年", "含上年度结转", "包括上年度结转", "含上一年度结转"]),
];

/// A word found in a phrase.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub word: Word,
    pub start: usize,
    pub end: usize,
}

/// The dictionary, for finding the longest word at a position; built at compile time. Words
/// of two or more characters are bucketed by their first two characters, so most positions
/// (whose two characters begin no word) cost one table look-up; one-character words are few.
struct Index {
    /// The words of bucket `b` are `long[bucket_start[b]..bucket_start[b + 1]]`, in
    /// dictionary order.
    bucket_start: [u16; BUCKETS + 1],
    long: [Entry; SIZE.long],
    /// The one-character words, in dictionary order, and a sieve of them.
    short: [(char, Word); SIZE.short],
    short_sieve: Sieve,
    /// A sieve of the first characters of all words: where it says no, no word starts.
    firsts: Sieve,
    /// The characters of every word of two or more, one after the other.
    text: [char; SIZE.chars],
}

#[derive(Clone, Copy)]
struct Entry {
    /// The first two characters.
    head: [char; 2],
    /// The word's characters in `text`.
    at: u16,
    len: u16,
    word: Word,
}

const BUCKETS: usize = 1024;

const fn bucket(head: [char; 2]) -> usize {
    (head[0] as usize).wrapping_mul(31).wrapping_add(head[1] as usize) % BUCKETS
}

/// How many words of one character and of more the dictionary has, and the characters of
/// the longer ones.
struct Size {
    short: usize,
    long: usize,
    chars: usize,
}

const SIZE: Size = {
    let mut size = Size { short: 0, long: 0, chars: 0 };
    let mut g = 0;
    while g < DICTIONARY.len() {
        let mut w = 0;
        while w < DICTIONARY[g].len() {
            match char_count(DICTIONARY[g][w].0) {
                1 => size.short += 1,
                n => {
                    size.long += 1;
                    size.chars += n;
                }
            }
            w += 1;
        }
        g += 1;
    }
    size
};

// Entries keep positions and lengths in 16 bits.
const _: () = assert!(SIZE.chars <= u16::MAX as usize);

static INDEX: Index = Index::build();

impl Index {
    const fn build() -> Index {
        const NONE: Entry = Entry { head: ['\0'; 2], at: 0, len: 0, word: Word::Mask };
        let mut index = Index {
            bucket_start: [0; BUCKETS + 1],
            long: [NONE; SIZE.long],
            short: [('\0', Word::Mask); SIZE.short],
            short_sieve: Sieve::EMPTY,
            firsts: Sieve::EMPTY,
            text: ['\0'; SIZE.chars],
        };
        // The longer words' characters, and how many fall in each bucket.
        let mut entries = [NONE; SIZE.long];
        let (mut long, mut short, mut at) = (0, 0, 0);
        let mut g = 0;
        while g < DICTIONARY.len() {
            let mut w = 0;
            while w < DICTIONARY[g].len() {
                let (text, word) = DICTIONARY[g][w];
                let first = first_char(text);
                index.firsts.insert(first);
                if char_count(text) == 1 {
                    index.short[short] = (first, word);
                    index.short_sieve.insert(first);
                    short += 1;
                } else {
                    let start = at;
                    let mut byte = 0;
                    while byte < text.len() {
                        let (c, width) = char_at(text, byte);
                        index.text[at] = c;
                        at += 1;
                        byte += width;
                    }
                    let head = [index.text[start], index.text[start + 1]];
                    entries[long] = Entry { head, at: start as u16, len: (at - start) as u16, word };
                    index.bucket_start[bucket(head) + 1] += 1;
                    long += 1;
                }
                w += 1;
            }
            g += 1;
        }
        let mut b = 0;
        while b < BUCKETS {
            index.bucket_start[b + 1] += index.bucket_start[b];
            b += 1;
        }
        // Placed by bucket, dictionary order kept within one (a counting sort).
        let mut next = index.bucket_start;
        let mut e = 0;
        while e < SIZE.long {
            let b = bucket(entries[e].head);
            index.long[next[b] as usize] = entries[e];
            next[b] += 1;
            e += 1;
        }
        index
    }

    /// The longest word at `chars[i..end]` (the first in the dictionary among equally long
    /// ones): (its length, the word).
    fn longest_at(&self, chars: &[char], i: usize, end: usize) -> Option<(usize, Word)> {
        let mut best: Option<(usize, Word)> = None;
        if i + 1 < end {
            let head = [chars[i], chars[i + 1]];
            let b = bucket(head);
            for e in &self.long[self.bucket_start[b] as usize..self.bucket_start[b + 1] as usize] {
                let (at, len) = (e.at as usize, e.len as usize);
                let longer = best.is_none_or(|(best_len, _)| len > best_len);
                if e.head == head && longer && i + len <= end && chars[i + 2..i + len] == self.text[at + 2..at + len] {
                    best = Some((len, e.word));
                }
            }
        }
        if best.is_some() || !self.short_sieve.may_hold(chars[i]) {
            return best;
        }
        self.short.iter().find(|(c, _)| *c == chars[i]).map(|(_, word)| (1, *word))
    }
}

/// The words of `chars[range]`, left to right, the longest at each position.
pub fn words(chars: &[char], range: std::ops::Range<usize>) -> Vec<Hit> {
    let mut out = Vec::new();
    words_into(chars, range, &mut out);
    out
}

/// [`words`] into `out` (cleared first), whose space is reused.
pub fn words_into(chars: &[char], range: std::ops::Range<usize>, out: &mut Vec<Hit>) {
    out.clear();
    let index = &INDEX;
    let mut i = range.start;
    while i < range.end {
        if !index.firsts.may_hold(chars[i]) {
            i += 1; // no word starts here: most characters
            continue;
        }
        match index.longest_at(chars, i, range.end) {
            Some((len, word)) => {
                out.push(Hit { word, start: i, end: i + len });
                i += len;
            }
            None => i += 1,
        }
    }
}

/// The hits of `hits` (the words of a clause) that lie in `range`, a part of the clause
/// between figures: the words a fresh reading of the range gives, since no word holds a
/// clause or sentence break, a `件` or `%` but at its end, or a numeral a figure could start
/// at (see the tests).
pub fn hits_in(hits: &[Hit], range: std::ops::Range<usize>) -> &[Hit] {
    let from = hits.partition_point(|h| h.start < range.start);
    let to = from + hits[from..].partition_point(|h| h.start < range.end);
    debug_assert!(hits[from..to].iter().all(|h| h.end <= range.end), "a word across a clause or figure");
    &hits[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<Word> {
        let chars: Vec<char> = text.chars().collect();
        words(&chars, 0..chars.len()).into_iter().map(|h| h.word).collect()
    }

    #[test]
    fn longest_word_wins() {
        let specific = |topic| Word::Topic { topic, specific: true };
        assert_eq!(names("予以公开和部分公开"), vec![specific(Topic::GrantedOrPartial)]);
        assert_eq!(names("上年结转政府信息公开申请"), vec![specific(Topic::Carried)]);
        assert_eq!(names("不予处理"), vec![specific(Topic::Rejected)]);
        assert_eq!(names("及时答复"), vec![Word::Mask, Word::Topic { topic: Topic::Answered, specific: false }]);
        assert_eq!(names("转下一年度办理答复的有")[0], specific(Topic::CarriedForward));
    }

    /// The words as a plain reading of the dictionary finds them: at each position the
    /// longest word, the first of the dictionary among equally long ones.
    fn plain_words(chars: &[char]) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let mut best: Option<(usize, Word)> = None;
            for (text, word) in DICTIONARY.iter().flat_map(|group| group.iter()) {
                let len = text.chars().count();
                let fits = i + len <= chars.len() && chars[i..i + len].iter().copied().eq(text.chars());
                if fits && best.is_none_or(|(best_len, _)| len > best_len) {
                    best = Some((len, *word));
                }
            }
            match best {
                Some((len, word)) => {
                    out.push(Hit { word, start: i, end: i + len });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Text made of dictionary words, their pieces and figures, at random.
    fn random_texts() -> impl Iterator<Item = Vec<char>> {
        let mut pieces: Vec<String> = DICTIONARY.iter().flat_map(|group| group.iter()).map(|(text, _)| text.to_string()).collect();
        let more = ["申请", "12", "3件", "十二件", "5%", "，", "。", "的", "年", "一", "2020年", "余件", "件事"];
        pieces.extend(more.iter().map(|p| p.to_string()));
        let cut: Vec<String> = pieces.iter().filter_map(|p| p.chars().next().map(String::from)).collect();
        pieces.extend(cut);
        let mut seed = 11u64;
        (0..2000).map(move |_| {
            let mut text = String::new();
            for _ in 0..10 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(&pieces[(seed >> 33) as usize % pieces.len()]);
            }
            text.chars().collect()
        })
    }

    #[test]
    fn the_index_finds_what_a_plain_reading_finds() {
        for chars in random_texts() {
            assert_eq!(words(&chars, 0..chars.len()), plain_words(&chars), "{}", chars.iter().collect::<String>());
        }
    }

    /// What lets the words of a clause be read once for all its parts ([`hits_in`]) and the
    /// words of a sentence clause by clause.
    #[test]
    fn no_word_crosses_a_break_or_a_figure() {
        let numeral = |c: char| c.is_ascii_digit() || "〇零一二两三四五六七八九十百千".contains(c);
        for (text, _) in DICTIONARY.iter().flat_map(|group| group.iter()) {
            let chars: Vec<char> = text.chars().collect();
            for (p, &c) in chars.iter().enumerate() {
                assert!(!"。!?…,;:()【】[]".contains(c), "{text}: a break");
                assert!(!matches!(c, '件' | '%') || p + 1 == chars.len(), "{text}: a unit inside");
                if p > 0 && numeral(c) {
                    let after_digit = c.is_ascii_digit() && chars[p - 1].is_ascii_digit();
                    assert!(after_digit || chars.get(p + 1) == Some(&'年'), "{text}: a figure may start inside");
                }
            }
        }
        for chars in random_texts() {
            let clause = words(&chars, 0..chars.len());
            let mut start = 0;
            for figure in crate::narrative::number::figures(&chars, 0..chars.len()) {
                assert_eq!(hits_in(&clause, start..figure.start), words(&chars, start..figure.start));
                start = figure.end;
            }
            assert_eq!(hits_in(&clause, start..chars.len()), words(&chars, start..chars.len()));
        }
    }
}
