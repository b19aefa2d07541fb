//! Pinyin readings of Chinese names, for visitors who type `chongqing` or `cq` for 重庆.
//!
//! The `pinyin` crate gives each character its most common reading, which is wrong for the
//! heteronyms that fill company and place names: 重 alone reads `zhong` but 重庆 is `chongqing`,
//! 行 alone reads `xing` but 银行 is `yinhang`. [`PHRASES`] overrides those readings; the
//! longest phrase starting at a character wins, and every other character falls back to the
//! crate's reading.

use pinyin::ToPinyin;

use super::fold::{fold, is_han};

/// Phrases whose characters read differently from their default, with their readings
/// (syllables separated by spaces, without tones). Place names first, then company words.
pub const PHRASES: &[(&str, &str)] = &[
    // Places.
    ("重庆", "chong qing"),
    ("长安", "chang an"),
    ("长沙", "chang sha"),
    ("长春", "chang chun"),
    ("长治", "chang zhi"),
    ("长江", "chang jiang"),
    ("长城", "chang cheng"),
    ("长白山", "chang bai shan"),
    ("长汀", "chang ting"),
    ("长兴", "chang xing"),
    ("长乐", "chang le"),
    ("长寿", "chang shou"),
    ("长宁", "chang ning"),
    ("厦门", "xia men"),
    ("六安", "lu an"),
    ("六合", "lu he"),
    ("六盘水", "liu pan shui"),
    ("蚌埠", "beng bu"),
    ("乐山", "le shan"),
    ("乐清", "yue qing"),
    ("朝阳", "chao yang"),
    ("朝鲜", "chao xian"),
    ("单县", "shan xian"),
    ("曲阜", "qu fu"),
    ("曲靖", "qu jing"),
    ("都江堰", "du jiang yan"),
    ("成都", "cheng du"),
    ("首都", "shou du"),
    ("番禺", "pan yu"),
    ("丽水", "li shui"),
    ("丽江", "li jiang"),
    ("台州", "tai zhou"),
    ("天台", "tian tai"),
    ("亳州", "bo zhou"),
    ("蔚县", "yu xian"),
    ("铅山", "yan shan"),
    ("会稽", "kuai ji"),
    ("涡阳", "guo yang"),
    ("莘县", "shen xian"),
    ("洪洞", "hong tong"),
    ("西藏", "xi zang"),
    ("藏族", "zang zu"),
    ("什邡", "shi fang"),
    ("荥阳", "xing yang"),
    ("渑池", "mian chi"),
    ("佛山", "fo shan"),
    ("东莞", "dong guan"),
    ("吐鲁番", "tu lu fan"),
    ("大厦", "da sha"),
    ("广厦", "guang sha"),
    ("兴业", "xing ye"),
    ("嘉兴", "jia xing"),
    ("绍兴", "shao xing"),
    ("泰国", "tai guo"),
    ("老挝", "lao wo"),
    ("柬埔寨", "jian pu zhai"),
    ("解放", "jie fang"),
    ("广场", "guang chang"),
    // Banks and trade.
    ("银行", "yin hang"),
    ("商行", "shang hang"),
    ("分行", "fen hang"),
    ("支行", "zhi hang"),
    ("总行", "zong hang"),
    ("投行", "tou hang"),
    ("车行", "che hang"),
    ("琴行", "qin hang"),
    ("行业", "hang ye"),
    ("行长", "hang zhang"),
    ("董事长", "dong shi zhang"),
    ("增长", "zeng zhang"),
    ("成长", "cheng zhang"),
    ("发行", "fa xing"),
    ("旅行", "lv xing"),
    ("银行业", "yin hang ye"),
    // Industry.
    ("重工", "zhong gong"),
    ("重型", "zhong xing"),
    ("重汽", "zhong qi"),
    ("重机", "zhong ji"),
    ("重装", "zhong zhuang"),
    ("重载", "zhong zai"),
    ("重卡", "zhong ka"),
    ("重钢", "chong gang"),
    ("重组", "chong zu"),
    ("重建", "chong jian"),
    ("卡车", "ka che"),
    ("冲压", "chong ya"),
    ("传媒", "chuan mei"),
    ("传感", "chuan gan"),
    ("传动", "chuan dong"),
    ("传输", "chuan shu"),
    ("音乐", "yin yue"),
    ("乐器", "yue qi"),
    ("快乐", "kuai le"),
    ("调味", "tiao wei"),
    ("调料", "tiao liao"),
    ("空调", "kong tiao"),
    ("调度", "diao du"),
    ("数据", "shu ju"),
    ("数码", "shu ma"),
    ("数字", "shu zi"),
    ("数控", "shu kong"),
    ("供应", "gong ying"),
    ("提供", "ti gong"),
    ("种植", "zhong zhi"),
    ("种子", "zhong zi"),
    ("品种", "pin zhong"),
    ("处理", "chu li"),
    ("模具", "mu ju"),
    ("模型", "mo xing"),
    ("模块", "mo kuai"),
    ("薄膜", "bo mo"),
    ("人参", "ren shen"),
    ("仓储", "cang chu"),
    ("给排水", "gei pai shui"),
    ("地产", "di chan"),
    ("房地产", "fang di chan"),
    ("都市", "du shi"),
    ("便利", "bian li"),
    ("便利店", "bian li dian"),
    ("茶叶", "cha ye"),
    ("能源", "neng yuan"),
    ("汽车", "qi che"),
    ("着陆", "zhuo lu"),
    ("还原", "huan yuan"),
];

/// The longest phrase in [`PHRASES`], in characters.
const LONGEST_PHRASE: usize = 4;

/// The syllables of `name`: pinyin for Han characters (phrase readings first), and each run of
/// other letters or digits (as folded) kept as one syllable, so `ABC科技` reads `abc ke ji`.
pub fn syllables(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    let mut latin = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_han(c) {
            latin.push(c);
            i += 1;
            continue;
        }
        flush_latin(&mut latin, &mut out);
        if let Some((len, reading)) = phrase_at(&chars[i..]) {
            out.extend(reading.split(' ').map(str::to_owned));
            i += len;
            continue;
        }
        if let Some(p) = c.to_pinyin() {
            out.push(fold(p.plain()));
        }
        i += 1;
    }
    flush_latin(&mut latin, &mut out);
    out.retain(|s| !s.is_empty());
    out
}

fn flush_latin(latin: &mut String, out: &mut Vec<String>) {
    if !latin.is_empty() {
        out.extend(fold(latin).split(' ').map(str::to_owned));
        latin.clear();
    }
}

/// The longest phrase of [`PHRASES`] that `chars` starts with.
fn phrase_at(chars: &[char]) -> Option<(usize, &'static str)> {
    (2..=LONGEST_PHRASE.min(chars.len())).rev().find_map(|len| {
        let candidate: String = chars[..len].iter().collect();
        PHRASES
            .iter()
            .find(|(phrase, _)| *phrase == candidate)
            .map(|(_, reading)| (len, *reading))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(name: &str) -> String {
        syllables(name).concat()
    }

    #[test]
    fn heteronyms_in_place_and_company_names_read_right() {
        assert_eq!(joined("重庆"), "chongqing");
        assert_eq!(joined("中国银行"), "zhongguoyinhang");
        assert_eq!(joined("长安汽车"), "changanqiche");
        assert_eq!(joined("厦门"), "xiamen");
        assert_eq!(joined("六安"), "luan");
        assert_eq!(joined("重庆重型机械"), "chongqingzhongxingjixie");
        assert_eq!(joined("都江堰"), "dujiangyan");
        assert_eq!(joined("ABC科技"), "abckeji");
    }

    #[test]
    fn every_phrase_fits_the_longest_phrase_bound_and_matches_its_syllable_count() {
        for (phrase, reading) in PHRASES {
            let n = phrase.chars().count();
            assert!(
                n <= LONGEST_PHRASE,
                "{phrase} is longer than LONGEST_PHRASE"
            );
            assert_eq!(
                n,
                reading.split(' ').count(),
                "{phrase} needs one syllable per character"
            );
        }
    }
}
