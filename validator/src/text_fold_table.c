/* The fold rules of sanad's matching text, one row per code point or range.
 * They run after NFKC (see text.c), so a row catches both the plain letter and every
 * presentation form or composed letter that decomposes to it. Anything not listed is kept. */
#include "text_fold_table.h"

#define ALEF 0x0627u
#define HEH 0x0647u
#define WAW 0x0648u
#define KEHEH 0x06A9u     /* Persian kaf ک */
#define FARSI_YEH 0x06CCu /* Persian ye ی */

const sd_fold_rule sd_fold_rules[] = {
    {0x0000, 0x0008, SD_FOLD_MAP, ' ', "C0 control -> space: never part of a word; NUL must not reach the NUL-terminated folded text"},
    {0x0009, 0x0009, SD_FOLD_MAP, ' ', "tab -> space"},
    {0x000B, 0x000C, SD_FOLD_MAP, '\n', "vertical tab, form feed -> LF: mandatory line breaks (UAX #14 BK)"},
    {0x000D, 0x000D, SD_FOLD_MAP, '\n', "CR -> LF (sd_fold merges CRLF into one LF spanning both bytes)"},
    {0x000E, 0x001F, SD_FOLD_MAP, ' ', "C0 control -> space"},
    {0x0041, 0x005A, SD_FOLD_SHIFT, 'a', "ASCII upper case -> lower case: AA/aa, TRT/trt, CSTO/csto match"},
    {0x007F, 0x0084, SD_FOLD_MAP, ' ', "DEL and C1 controls -> space (mis-decoded legacy text)"},
    {0x0085, 0x0085, SD_FOLD_MAP, '\n', "NEL -> LF: a line break"},
    {0x0086, 0x009F, SD_FOLD_MAP, ' ', "C1 control -> space"},
    {0x00A0, 0x00A0, SD_FOLD_MAP, ' ', "no-break space -> space (NFKC also does it)"},
    {0x00AD, 0x00AD, SD_FOLD_DELETE, 0, "soft hyphen: invisible, deleted"},
    {0x061C, 0x061C, SD_FOLD_DELETE, 0, "Arabic letter mark: a bidi control, deleted"},
    {0x0622, 0x0623, SD_FOLD_MAP, ALEF, "alef madda, alef hamza above -> alef: آموزشی/اموزشی, تأکید/تاکید"},
    {0x0624, 0x0624, SD_FOLD_MAP, WAW, "waw hamza -> waw: مؤسسه/موسسه"},
    {0x0625, 0x0625, SD_FOLD_MAP, ALEF, "alef hamza below -> alef"},
    {0x0626, 0x0626, SD_FOLD_MAP, FARSI_YEH, "yeh hamza -> Persian yeh: رئیس/رییس"},
    {0x0629, 0x0629, SD_FOLD_MAP, HEH, "teh marbuta -> heh"},
    {0x0640, 0x0640, SD_FOLD_DELETE, 0, "tatweel (kashida): justification only, deleted"},
    {0x0643, 0x0643, SD_FOLD_MAP, KEHEH, "Arabic kaf -> Persian kaf"},
    {0x0649, 0x064A, SD_FOLD_MAP, FARSI_YEH, "alef maksura, Arabic yeh -> Persian yeh (also what FEF1..FEF4 become)"},
    {0x064B, 0x065F, SD_FOLD_DELETE, 0, "harakat and hamza/madda marks: optional vowel signs, deleted"},
    {0x0660, 0x0669, SD_FOLD_SHIFT, '0', "Arabic-Indic digits -> ASCII digits"},
    {0x0670, 0x0670, SD_FOLD_DELETE, 0, "superscript alef: a vowel sign, deleted"},
    {0x0671, 0x0673, SD_FOLD_MAP, ALEF, "alef wasla, alef with wavy hamza -> alef"},
    {0x06C0, 0x06C3, SD_FOLD_MAP, HEH, "heh with yeh (ezafe), heh goal, teh marbuta goal -> heh"},
    {0x06CD, 0x06CD, SD_FOLD_MAP, FARSI_YEH, "yeh with tail -> Persian yeh"},
    {0x06D0, 0x06D0, SD_FOLD_MAP, FARSI_YEH, "yeh (Pashto/Uyghur e) -> Persian yeh"},
    {0x06D5, 0x06D5, SD_FOLD_MAP, HEH, "ae (Kurdish/Uyghur heh) -> heh; U+06C0 decomposes to it"},
    {0x06D6, 0x06DC, SD_FOLD_DELETE, 0, "Qur'anic annotation marks, deleted"},
    {0x06DF, 0x06E4, SD_FOLD_DELETE, 0, "Qur'anic annotation marks, deleted"},
    {0x06E7, 0x06E8, SD_FOLD_DELETE, 0, "Qur'anic annotation marks, deleted"},
    {0x06EA, 0x06ED, SD_FOLD_DELETE, 0, "Qur'anic annotation marks, deleted"},
    {0x06F0, 0x06F9, SD_FOLD_SHIFT, '0', "Persian digits -> ASCII digits"},
    {0x1680, 0x1680, SD_FOLD_MAP, ' ', "Ogham space mark -> space"},
    {0x180E, 0x180E, SD_FOLD_DELETE, 0, "Mongolian vowel separator (format character), deleted"},
    {0x2000, 0x200A, SD_FOLD_MAP, ' ', "en/em/thin/hair spaces -> space"},
    {0x200B, 0x200B, SD_FOLD_DELETE, 0, "zero-width space: used for ZWNJ by some editors, deleted like it"},
    {0x200C, 0x200C, SD_FOLD_DELETE, 0, "ZWNJ: می‌شود = میشود; spaced variants are equated by sd_fold_key"},
    {0x200D, 0x200D, SD_FOLD_DELETE, 0, "ZWJ: ICU writes ه‍.ش., deleted"},
    {0x200E, 0x200F, SD_FOLD_DELETE, 0, "LRM, RLM: bidi controls, deleted"},
    {0x2028, 0x2029, SD_FOLD_MAP, '\n', "line and paragraph separators -> LF"},
    {0x202A, 0x202E, SD_FOLD_DELETE, 0, "bidi embeddings and overrides, deleted"},
    {0x202F, 0x202F, SD_FOLD_MAP, ' ', "narrow no-break space -> space"},
    {0x205F, 0x205F, SD_FOLD_MAP, ' ', "medium mathematical space -> space"},
    {0x2060, 0x2060, SD_FOLD_DELETE, 0, "word joiner, deleted"},
    {0x2066, 0x2069, SD_FOLD_DELETE, 0, "bidi isolates, deleted"},
    {0x3000, 0x3000, SD_FOLD_MAP, ' ', "ideographic space -> space"},
    {0xFEFF, 0xFEFF, SD_FOLD_DELETE, 0, "BOM / zero-width no-break space, deleted (offsets still count it)"},
};

const size_t sd_fold_nrules = sizeof sd_fold_rules / sizeof sd_fold_rules[0];

const sd_fold_rule *sd_fold_rule_find(uint32_t cp)
{
    size_t lo = 0, hi = sd_fold_nrules;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const sd_fold_rule *r = &sd_fold_rules[mid];
        if (cp < r->first)
            hi = mid;
        else if (cp > r->last)
            lo = mid + 1;
        else
            return r;
    }
    return NULL;
}
