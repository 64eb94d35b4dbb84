"""Prose: SDKs and permissions named in sentences, one structure per line (paragraph).

- SDK mentions: catalog names that can be spotted in running text (CJK names, names with a digit, an
  inner capital or "SDK"); platforms listed after a login/sharing cue ("log in with Facebook or Google");
  and enumerations next to an SDK cue ("集成穿山甲，广点通，HUAWEI Ads广告服务"), where most items are catalog
  names, so the others are read as SDK names too. A row's company is taken from the sentence ("from Google
  Ireland Limited", "由…提供"); its data types from its paragraph. Headings count only for SDKs the body
  never names.
- Permission sentences: a permission phrase (weak words only next to a cue, never in a negated sentence)
  with the purpose clause of the sentence as its scene ("Location permission is required for geotagging").
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator

import ahocorasick

from auditor.policy.claims import Context, ExtractorKind, RowFacts, SceneClaim, SdkClaim, Structure
from auditor.policy.document import Document, Line
from auditor.policy.lexicon import fold
from auditor.policy.names import case_key
from auditor.policy.table import labelled_company
from auditor.policy.text import (
    BACK_REFERENCE_RE,
    CJK_RE,
    CLAUSE_RE,
    LEGAL_ENTITY_RE,
    NONE_WORDS,
    NOT_A_COMPANY_RE,
    NOT_ASKED_RE,
    OUTLINE_NUMBER_RE,
    PERMISSION_DEFINITION_RE,
    PURPOSES,
    REFUSAL_RE,
    SDK_WORD_END_RE,
    SLASH_RE,
    TAG_RE,
    TERMINAL,
    URL_RE,
    WHEN,
    ZH_LEGAL_ENTITY,
    clause_company,
    company_like,
    cued_company,
    linked_names,
    moment,
    name_like,
    opening_sentences,
    purpose_match,
    purpose_of,
    width,
)
from auditor.policy.vendors import host
from auditor.policy.zh_t2s import T2S

_STORE_RE = re.compile(r"\s*(?:store\b|商店|应用商店|应用市场)", re.IGNORECASE)
_STORE_NAME_RE = re.compile(r"google\s*play|app\s*store|apple\s+app\s+store|(?:huawei\s+)?appgallery|应用宝", re.IGNORECASE)
"""An app store named alone (a product of it is written with its own name: "Google Play Billing")."""
_LINK_WORDS = frozenset({"here", "click here", "this", "this link", "link", "this page", "more", "read more",
                         "learn more", "see more", "details", "more details", "more information", "website"})
"""What a link says when it names no product ("[Here](https://…) you can find…")."""
_MD_LINK_RE = re.compile(r"\[([^\]\n]{2,60})\]\(\s*<?((?:https?://|www\.)[^)\s>]+)>?\s*\)")
_SENTENCE_RE = re.compile(r"(?:https?://[^\s<>()\[\]]*[^\s<>()\[\].,;:!?。]"
                          r"|\b(?:Inc|Ltd|Co|Corp|LLC|Pte|Pvt|GmbH|Limited|etc|N\.V|B\.V|S\.A)\.(?=\s*[),;]|\s+(?:and|or)\b)"
                          r"|[^.。!?！？;；]|\.(?=[A-Za-z0-9/_-]))+"
                          r"[.。!?！？;；]?")
"""A sentence: up to its end mark; an address, a decimal or a dotted name ("onesignal.com") holds none, nor a
company's abbreviation the sentence goes on after ("Flurry (Oath Inc.), AppsFlyer …", "Twitter, Inc. and …", "(Fyber
N.V., …)")."""
"""A sentence; a dot before a digit ("2.3", "v1.2") does not end one."""
_LIST_END_RE = re.compile(r"[.。;；)）!?！？]|(?:\s(?:etc|to|so|and then|in order)\b)")
_LIST_SPLIT_RE = re.compile(r"\s*(?:,|，|、|/|\bor\b|\band\b|或者|或|和|及)\s*")
_ENUM_SPLIT_RE = re.compile(r"\s*(?:,|，|、|/)\s*")
_TOKEN_NOISE_RE = re.compile(r"\b(?:accounts?|platforms?|etc|other|the|your)\b|账号|帐号|账户|等|平台", re.IGNORECASE)
_WHEN_OPENS = (re.compile(r"(?:and\s+|but\s+)?when(?:ever)? you\b", re.IGNORECASE), re.compile(r"(?:当您|在您|如您|您在)"))
"""A clause opening with a new moment starts the next permission's group, not the purpose of the one before."""
_DECLINED_RE = re.compile(r"(?:如果|如|若|倘若|一旦)?(?:您|你)(?:拒绝|不同意|不授权|不允许|未授权|未同意|不提供|不开启|关闭)"
                          r"|(?:but\s+)?if you (?:refuse|decline|deny|do not|don't|disable|turn off)\b", re.IGNORECASE)
"""A clause opening with the user declining ("如果您拒绝调用", "if you refuse"): what follows is what refusing
costs ("将无法使用扫码功能"), not what the permission before is for."""
_USE_VERB = r"\b(?:use|uses|used|using|integrates?|integrated|relies on|rely on)"
_USE_VERB_RE = re.compile(_USE_VERB + r"\b")
_PROVIDED_SDK_RE = re.compile(r"((?:[A-Za-z][\w.+-]*\s){0,3}[A-Za-z][\w.+-]*\s?SDK|[\u3400-\u9fffA-Za-z0-9+]{2,12}SDK)\s*"
                              r"(?:是|系)?由\s*(.{3,80}?)\s*(?:自主|独立)?(?:研发|开发|提供|运营|负责)")
"""An SDK and its maker in one sentence ("Adsplus SDK 由 Hongkong hispark network limited 自主研发并运营"): a row,
known to the catalog or not."""
_BY_SERVICE_RE = re.compile(r"\b(?:collected|processed|handled|powered|provided|analy[sz]ed|tracked|reported|sent)"
                            r"\s+(?:by|through|via|to)\b", re.IGNORECASE)
"""Words saying a service does the work ("crash details are collected by [Bugtrail](…)"), as "we use" does."""
_USED_NAME_RE = re.compile(_USE_VERB + r"\s+([A-Z][\w.-]*[a-z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})")
"""A capitalised name right after a verb of using, in a sentence ("Our app uses Sentry for error reports"):
there a plain word that is a catalog name ("Sentry", "Branch", "Adjust") names the SDK, which elsewhere in
running text it would not (the verb is matched case-sensitively: "Use" opening a heading is not one)."""
_NAME = r"[A-Z][\w.-]*[a-z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}"
_USED_NAMES_RE = re.compile(_USE_VERB + rf"\s+({_NAME}(?:(?:,\s*|,?\s+(?:and|or)\s+|\s*&\s*){_NAME})+)")
"""Capitalised names listed right after a verb of using ("We use Quillo and Crashfox in our games", "the app uses
Sentry, Branch and Adjust"): each is read as :data:`_USED_NAME_RE` reads the first."""
_LIST_SEPARATOR_RE = re.compile(r",\s*|,?\s+(?:and|or)\s+|\s*&\s*")
_POLICY_NAMED_RE = re.compile(rf"({_NAME})(?:'s|’s)?\s+[Pp]rivacy\s+(?:[Pp]olicy|[Nn]otice|[Ss]tatement)\b")
"""A capitalised name right before the words for its privacy policy ("Quillo (ads): Quillo Privacy Policy", "see
Crashfox's Privacy Notice"): a policy that points at a provider's own policy names that provider; the name is the
capitalised words that end right there (a site's menu run into its "Privacy Policy" link, "Home Blog Forum Privacy
Policy", names no provider unless its last words do)."""
_PARTNER_NAME_RE = re.compile(r"\b(?:[Pp]roviders?|[Pp]artners?|[Vv]endors?)\s+(?:such as\s+|including\s+|like\s+|[:：]\s*)?"
                              r"([A-Z][\w.-]*[a-z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})")
"""The same right after a word for the app's providers ("Our SDK service providers Fyber (…) and …", "analytics
partners such as Flurry"): the catalog name there names the SDK."""
_ZH_USED_NAME_RE = re.compile(r"(?:集成|接入|使用|采用|引入)了?\s*([A-Z][A-Za-z0-9_.-]*[a-z][A-Za-z0-9_.-]*"
                              r"(?:\s[A-Z][A-Za-z0-9_.-]*){0,2})")
"""The same after a Chinese verb of using ("本应用集成了Sentry用于崩溃报告"): the name in Latin letters only."""
_INTEGRATED_SDK_RE = re.compile(r"(?:集成|接入|引入|嵌入)了?\s*([A-Z][A-Za-z0-9_.+-]*(?:\s[A-Z][A-Za-z0-9_.+-]*){0,2}\s?SDK)"
                                r"(?![A-Za-z0-9])")
"""A name in Latin letters with an SDK suffix right after a Chinese verb of integrating ("Nutridays集成了ButterknifeSDK",
"集成了MJRefresh SDK"): an SDK the app embeds, known to the catalog or not."""
_ZH_INTEGRATED_SDK_RE = re.compile(r"(?:集成|接入|引入|嵌入)了?\s*([\u3400-\u9fff][\u3400-\u9fffA-Za-z0-9+]{1,11}?\s?SDK)"
                                   r"(?![A-Za-z0-9])")
"""The same with a Chinese name ("我们的产品集成七鱼SDK，…", "接入了腾讯移动直播SDK"): the words after the verb up to the
SDK word, unless they say which SDKs rather than name one (:data:`_NOT_A_NAME_RE`) or name only a kind ("推送SDK")."""
_MAKER = r"(?>[\u3400-\u9fffA-Za-z][^，。；,;：:、\s的]{1,38}(?:公司|集团|研究院)(?:\s*[（(][^（）()]{1,40}[)）])?)"
"""A maker's name: up to the last company word before "的" or a clause's end (tried once: an atomic group)."""
_PRODUCT_CHAR = r"[\u3400-\u7683\u7685-\u9fffA-Za-z0-9+.-]"  # (any but "的", U+7684: it ends the maker, no name has it)
_PRODUCT = _PRODUCT_CHAR + r"{1,40}(?:[ \xa0/／]" + _PRODUCT_CHAR + r"{1,40}){0,3}?"  # (bounded: a hostile page
# of "集成甲公司" over and over never has a name run to its end)
_MAKERS_SDK_RE = re.compile(r"(?:集成|接入|引入|嵌入|使用|采用)了?\s*(" + _MAKER + r")\s*(?:所?提供|开发|研发|推出)?的?\s*"
                            r"(?=[^，。；,;]{0,60}?SDK)("  # (an SDK word ahead, looked for once, before any name is tried)
                            + _PRODUCT + r"\s?SDK(?:\s*[/／]\s*" + _PRODUCT + r"\s?SDK)*)(?![A-Za-z0-9])"
                            r"(?:\s*[（(]([^（）()，,。；;]{1,30})[)）])?")
"""An SDK named after its maker, a verb of integrating before them ("本应用集成甲乙科技有限公司的丙丁推送SDK，…",
"接入某某公司(Example Inc.)提供的戊己 SDK"): the maker (a company's name) and the product with its SDK word, under
all the names it is written with ("丙丁SDK/丙丁推送SDK") and an aside in brackets after it ("戊己SDK(戊己统计)"), known
to the catalog or not."""
MAX_MADE_NAME = 60
"""Characters of the name of an SDK named after its maker (more: words of a sentence, not a name)."""
_NEXT_SDK_RE = re.compile(r"\s*(?:、|和|及|与|以及)\s*([\u3400-\u9fffA-Za-z][\u3400-\u9fffA-Za-z0-9+]{0,11}?\s?SDK)(?![A-Za-z0-9])")
"""The next item of an enumeration of SDKs after a verb of integrating, written with its SDK word too."""
_NOT_A_NAME_RE = re.compile(r"^(?:的|了|第三方|三方|相关|以下|下列|如下|上述|前述|该|此|本|其|各|多|部分|一些|若干|这些|那些|合作|"
                            r"其他|其它|必要|有关|对应|不同|相同|同一|同样|类似|一款|一个|官方|授权|主流|知名|使用|和|与|及|由|开发|"
                            r"并|且|还|也|将|会|可|关联)|[的和及或与、]|厂商|类\s?SDK$")
"""Words after a verb of integrating that say which SDKs or what kind ("授权合作伙伴的SDK", "通知类SDK", "厂商推送SDK"),
or open another clause ("并使用…SDK"), rather than name one SDK."""
_NAME_USED_RE = re.compile(r"(?:^|(?<=[.!?;]\s)|(?<=[-*•]\s))([A-Z][\w.-]*[a-z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})\s+"
                           r"(?:is|are)\s+(?:used|integrated)\b")
"""A capitalised name opening a sentence that says it is used ("Firebase is used to report crashes."): the
passive of :data:`_USED_NAME_RE`, read the same way."""
_SUPPLIER_RE = re.compile(r"([\u3400-\u9fff]{2,14}(?:供应商|服务商|提供商|服务提供方|合作方))\s*[：:]\s*由\s*"
                          r"([^，,。；;：:]{4,60}?)\s*(?:提供|负责|运营)")
"""A supplier named by what it supplies and then its company ("消息推送服务供应商：由每日互动股份有限公司提供推送技术
服务…", the wording push SDKs give apps to copy): a row named by the supplier's label, its company from the
sentence, known to the catalog or not."""
_SERVED_BY_RE = re.compile(r"\b(?:collected|processed|handled|powered|provided|analy[sz]ed|tracked|reported|sent|send"
                           r"|upload(?:s|ed)?|transmitted|stored|hosted|served|delivered)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:by|to|via|through|using)\s+(?:the\s+)?"
                           r"([A-Z][\w.-]*[a-z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})")
"""A capitalised name that a sentence says does the work or receives the data ("Crash reports provided by
Fabric", "the report is uploaded to Sentry"): read as :data:`_USED_NAME_RE` is."""
_NAME_ACTS_RE = re.compile(r"(?:^|(?<=[.!?;]\s)|(?<=[-*•]\s))([A-Z][\w.-]*[a-z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})\s+"
                           r"(?:collects|captures|records|receives|processes|tracks|logs|gathers|(?:may|will|can) collect)\b")
"""A capitalised name opening a sentence that says it collects ("Sentry captures a diagnostic report")."""
_SDK_CUE_RE = re.compile(r"sdk|集成|接入|合作伙伴|合作方|integrat|partner|\b(?:service )?providers?\b"
                         r"|third[- ]party (?:services?|tools?|librar|vendors?|analytics|advertis)", re.IGNORECASE)
_SDK_SUFFIX_RE = re.compile(r"([A-Za-z][\w.+-]*(?:\s+[A-Za-z][\w.+-]*){0,2}|[\u3400-\u9fff][\u3400-\u9fffA-Za-z0-9+]{0,11}"
                            r"|[A-Za-z][A-Za-z0-9+]*[\u3400-\u9fff][\u3400-\u9fffA-Za-z0-9+]{0,10})\s?(?:SDK|sdk|Sdk)")
_ITEM_START_RE = re.compile(r"^\s*(?:[-*•·●]|\d{1,2}[.、)）]|[(（]\d{1,2}[)）]|[a-zA-Z][.)、])")
_ITEM_LEAD_RE = re.compile(r"^.*?(?:集成了?|接入了?|如|包括|例如|integrates?|such as|including)\s*", re.IGNORECASE)
_ITEM_TAIL_RE = re.compile(r"(?:广告服务|广告SDK|服务|等)$")
_CLAUSE_RE = re.compile(r"(?:[^,，(（]|[(（][^)）]*[)）]?)+[,，]?")
"""A clause; commas inside brackets do not end one ("位置信息(为实现定位功能,我们可能会收集您的GPS)等权限")."""
_ENDS_WITH_URL_RE = re.compile(r"(?:https?://|www\.)\S+$")
MAX_PARAGRAPH = 4
CONFIDENCE = 0.3
LOGIN_WINDOW = 60
"""Characters before a list marker searched for a login/sharing cue (within the same sentence)."""


MAX_OUTLINE_TITLE = 40
"""Display width of such a line that is a title (longer: a paragraph opening with its number)."""


def _outline_title(text: str) -> bool:
    """A line of a section number and a title and nothing more ("3.1.13腾讯Bugly" over the paragraph about it): a
    heading, however its number is written against its words; what it names, the paragraph under it names again."""
    return bool(OUTLINE_NUMBER_RE.match(text)) and width(text.strip()) <= MAX_OUTLINE_TITLE \
        and not text.rstrip().endswith(TERMINAL + (",", "，"))


class ProseExtractor:
    kind = ExtractorKind.PROSE

    def extract(self, doc: Document, ctx: Context) -> list[Structure]:
        claimed = ctx.claimed
        paragraphs = [(a, b) for a, b in _paragraphs(doc, ctx)
                      if (a not in claimed if a == b else not any(k in claimed for k in range(a, b + 1)))]
        texts = [doc.lines[a].text if a == b else " ".join(doc.lines[k].text for k in range(a, b + 1))
                 for a, b in paragraphs]
        mentions: dict[int, list[str]] = {}
        seen: set[str] = set()
        heads = [p for p, (a, b) in enumerate(paragraphs)
                 if doc.lines[a].mark.startswith("h") or ctx.lines[a].outline or (a == b and _outline_title(texts[p]))]
        exact = functools.cache(ctx.names.resolve_exact)  # this read's lookups (a long policy repeats words)
        by_text: dict[str, list[tuple[str, str]]] = {}  # this read's paragraphs, by text
        for text in texts:
            if text not in by_text:
                by_text[text] = _mentions(text, ctx, exact)
        found = {p: by_text[texts[p]] for p in range(len(paragraphs))}
        for p in heads:  # a section titled by an SDK's own name ("1.5 Effects SDK" over what it collects): that SDK
            if not found[p] and (titled := _titled_sdk(texts[p], ctx)):
                found[p] = [(titled, exact(titled) or case_key(titled).casefold())]
        every = {(name.casefold(), key) for names in found.values() for name, key in names}
        inside = _inside(every)  # "Google Analytics" where "Google Analytics for Firebase" is named
        head_set = set(heads)
        again: dict[str, list[int]] = {}  # later paragraphs naming an SDK again (over a list: "Admob may collect:")
        keys: dict[tuple[int, str], str] = {}
        for p in [p for p in range(len(paragraphs)) if p not in head_set] + heads:
            for name, key in found[p]:
                if (name.casefold(), key) in inside and TAG_RE.sub("", texts[p]).strip(_TITLE_MARKS) != name:
                    continue  # (a title naming only it, "<Text style={styles.bold}>Google Analytics</Text>",
                    # over its own paragraph, names it still)
                if key in seen:
                    if p not in head_set:
                        again.setdefault(key, []).append(p)
                    continue
                seen.add(key)
                keys[(p, name)] = key
                mentions.setdefault(p, []).append(name)
        out = []
        scene_texts: dict[str, list[tuple[str, str, str]]] = {}  # this read's permission sentences, by text
        for p, (first, last) in enumerate(paragraphs):
            text = texts[p]
            if text not in scene_texts:
                scene_texts[text] = _scenes(text, ctx)
            if p not in mentions and not scene_texts[text]:
                continue
            named = mentions.get(p, [])
            below = _said_of_them(doc, paragraphs, texts, p) if named and p + 1 not in mentions else ""
            # a title naming one service, its text the paragraph under it ("20. ACME SDK" over "This app measures its
            # installs with tools from Acme Inc. (…)"): that paragraph's opening may say whose it is
            under = texts[p + 1] if p + 1 < len(texts) and len(named) == 1 and _titles(text, named[0]) else ""
            rows = tuple(self._row(text, first, last, name, ctx, " ".join(
                [_listed_after(doc, paragraphs, texts, p), below]
                + _named_over_lists(doc, paragraphs, texts, again.get(keys[(p, name)], []))), named,
                " ".join(texts[q] for q in again.get(keys[(p, name)], [])), under) for name in named)
            # (a clause whose subject is an SDK the paragraph names, "为了风控的需要，某某SDK基于相机权限采集…", says
            # what that SDK uses: its row's permissions, no use of the app's; the app speaking of itself, "您使用微信登录
            # 功能时，我们需要访问…", is the app's)
            scenes = tuple(SceneClaim(scene, desc, part, first, last, sentence=True)
                           for scene, desc, part in scene_texts[text]
                           if _FIRST_PERSON_RE.search(part) or not any(n in part for n in named))
            if rows or scenes:
                out.append(Structure(self.kind, first, last, CONFIDENCE, sdks=rows, scenes=scenes))
        return out

    def _row(self, text: str, first: int, last: int, name: str, ctx: Context, after: str = "",
             named: list[str] | None = None, later: str = "", under: str = "") -> SdkClaim:
        """``later``: the text of later paragraphs naming the same SDK (a sentence there may say whose it is);
        ``under``: the paragraph under ``text`` when ``text`` is the SDK's title."""
        sentence = next((m.group(0) for m in _SENTENCE_RE.finditer(text) if name in m.group(0)), text)
        mine = _name_words(name)
        others = {w for n in named or () if n != name for w in _name_words(n)} - mine
        all_named = tuple(named or ())
        paragraph = text
        run_on = bool(others) and _run_on(sentence, all_named)
        right_after = _own_segments(sentence, name, all_named, shared=False) if run_on else ""
        if run_on:  # (what the run-on line says of this SDK: whose it is, its link)
            sentence = name + right_after
        if others:  # the paragraph's sentences about this SDK, and those about none ("AdMob may use your ID."); of a
            # run-on "sentence" naming SDK after SDK (a table or list whose breaks are lost), what follows each place
            # it names this SDK up to the next SDK
            text = _sentences_about(text, name, mine, others, all_named)
        # (the company in brackets right after the name first: several SDKs in one sentence, each with its own,
        # "AdMob (… of Google LLC), MoPub (… of Twitter, Inc.)")
        found = _bracketed_company(sentence, name) or _made_by(sentence, name) \
            or cued_company(_near(_without_asides_of(sentence, name, named or []), name)) \
            or _provided_by(sentence, ctx) or next(
            (c for m in _SENTENCE_RE.finditer(later) if name in m.group(0) and (c := cued_company(_near(m.group(0), name)))),
            "") \
            or (labelled_company(text, ctx) if len(named or ()) <= 1 else "") \
            or _bracketed_company(text, name) \
            or (cued_company(text) if _ITEM_OPENING_RE.match(text) and name in _first_sentence(text) else "") \
            or (clause_company(text) if len(named or ()) <= 1 and _ITEM_MARK_RE.match(text) else "") \
            or (_leading_company(right_after) if run_on else "") \
            or cued_company(opening_sentences(under))
        # ("…  信息共享主体：某某有限公司"; "穿山甲（北京某某有限公司）隐私政策参见…"; a numbered item about the SDKs its
        # first sentence names, "(3)使用QQ互联，微信分享SDK进行…，由深圳市腾讯计算机系统有限公司提供技术支持。": the
        # item's company; not of the platforms a later sentence lists, "ShareSDK…支持微信、QQ、微博…")
        purpose = _login_purpose(sentence, name, ctx)
        linked = re.search(r"\[\s*" + re.escape(name) + r"\s*\]\(\s*<?([^)\s>]+)", text) if "](" in text else None
        own = _after_name(_OWN_ASIDE_RE, text, name)  # "友盟SDK（com.umeng）"
        # the permissions a paragraph names are the SDK's when it names one, or names several in one sentence
        # ("Vivo推送（…）/华为推送（…）SDK可能会读取…，调用…权限": both hold them)
        together = len(named or ()) <= 1 or _one_subject(sentence, named or [])
        # (else what each SDK's own words name: "甲（…）会读取…，所用的权限为X；乙（…）…权限为Y")
        asked = _permission_clauses(text if together else _own_segments(paragraph, name, all_named, sentence=True))
        return SdkClaim(RowFacts(name=name, company=found, packages=own.group(1) if own else "",
                                 purpose=purpose, data=f"{text} {after}".strip(), permissions=asked,
                                 link=_best_link(name, text, linked.group(1) if linked else "")
                                 or _later_link(name, text, later)), first, last)


def _sentences_about(text: str, name: str, mine: set[str], others: set[str], named: tuple[str, ...]) -> str:
    """The sentences of a paragraph naming several SDKs that speak of ``name``: those naming it (of a run-on
    "sentence", :func:`_own_segments`), and those naming no SDK. In a long paragraph (a page that lost its line
    breaks) a sentence naming none is of the SDKs the sentence before it is about, not of every SDK: "2、个推SDK
    1）READ_PHONE_STATE…。2）WRITE_EXTERNAL_STORAGE…。3、支付宝SDK…" gives the storage sentence to 个推 alone, and
    what the page says before its first SDK of the app's own collection to none."""
    sentences = [m.group(0) for m in _SENTENCE_RE.finditer(text)]
    long = len(text) > MAX_SHARED_PARAGRAPH
    out = []
    owner: bool | None = None  # whether the last sentence naming an SDK names this one (None: none named yet)
    for said in sentences:
        names_mine = any(w in said for w in mine)
        names_other = any(w in said for w in others)
        if names_mine or names_other:
            owner = names_mine
        if names_mine:
            out.append(_own_segments(said, name, named) if _run_on(said, named) else said)
        elif not names_other and (not long or owner):
            out.append(said)
    return "".join(out)


MAX_SHARED_PARAGRAPH = 1200
"""Characters of a paragraph whose sentences naming no SDK may speak of every SDK it names; in a longer one (a page
crawled as one line) such a sentence is of the SDK named before it (:func:`_sentences_about`)."""
MAX_SHARED_SENTENCE = 300
"""Characters of a sentence that may speak of several SDKs at once; a longer one naming :data:`MIN_RUN_NAMES` or more
runs on from one SDK's text to the next (:func:`_own_segments`)."""
MIN_RUN_NAMES = 3
_ENUM_SEPARATOR = r"(?:[、,，/／]|和|及|与|以及|\band\b|\bor\b)?\s*"
_ENUM_GAP_RE = re.compile(r"\s*(?:[（(][^（）()]{0,80}[)）])?\s*" + _ENUM_SEPARATOR + _ENUM_SEPARATOR, re.IGNORECASE)
"""What stands between two names of one enumeration ("微信SDK、微博SDK", "Firebase, and AdMob", "AdMob (of Google
LLC), MoPub")."""


@functools.lru_cache(maxsize=64)
def _run_on(sentence: str, named: tuple[str, ...]) -> bool:
    """A "sentence" longer than :data:`MAX_SHARED_SENTENCE` naming :data:`MIN_RUN_NAMES` SDKs or more (cached: each
    SDK of a paragraph asks of the same sentences)."""
    return len(sentence) > MAX_SHARED_SENTENCE and sum(n in sentence for n in named) >= MIN_RUN_NAMES


@functools.lru_cache(maxsize=8)
def _name_spots(text: str, named: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    """Where ``text`` names each of ``named``: the longest name at each place, none inside another."""
    spots: list[tuple[int, int, str]] = []
    end = -1
    found = sorted(((at, at + len(n), n) for n in set(named) if n for at in _places(text, n)),
                   key=lambda f: (f[0], f[0] - f[1]))
    for start, stop, n in found:
        if start >= end:
            spots.append((start, stop, n))
            end = stop
    return tuple(spots)


_LEADING_COMPANY_RE = re.compile(r"^\s*[:：]?\s*([\u3400-\u9fff][\u3400-\u9fff（）()A-Za-z0-9·]{1,39}?(?:"
                                 + ZH_LEGAL_ENTITY + r"))")
_COMPANY_MIDDLE_RE = re.compile(r"^(?:科技|计算|股份|有限|通信|通讯|网络|信息|技术|责任|集团|控股|软件|电子|传媒|文化)")
"""Words a company's name has after its place or brand, never first: a "company" opening so is the rest of one whose
brand is the SDK's name ("腾讯云" then "计算(北京)有限责任公司")."""
_CELL_WORDS_RE = re.compile(r"设备信息|个人|推送|授权")
"""Words of another cell run into a company's name ("设备信息某某（中国）有限公司")."""


def _leading_company(segment: str) -> str:
    """A registered company's name opening what a run-on line says of one SDK, the cell after its name
    ("甲乙推送SDK甲乙科技有限公司https://…"): its company; none when the words read as the rest of a company named
    after the SDK, or run another cell's words into it."""
    m = _LEADING_COMPANY_RE.match(segment)
    if m is None or _COMPANY_MIDDLE_RE.match(m.group(1)) or _CELL_WORDS_RE.search(m.group(1)):
        return ""
    return m.group(1)


def _own_segments(text: str, name: str, named: tuple[str, ...], shared: bool = True, sentence: bool = False) -> str:
    """The text after each place ``text`` names ``name``, up to the next place it names another SDK; ``shared``:
    names enumerated together share what follows the last of them ("甲SDK、乙SDK，会收集…"), else each has only
    what stands right after it (its aside in brackets, its company's cell); ``sentence``: the last SDK the text
    names no further than the end of the sentence it names it in (the last SDK of a paragraph owns no sentence after
    its own; one before another SDK owns its sentences up to that SDK's name: "甲SDK：用于…。它可能会调用…权限。")."""
    spots = _name_spots(text, named)
    out = []
    for k, (_, _, n) in enumerate(spots):
        if n != name:
            continue
        j = k
        while shared and j + 1 < len(spots) and _ENUM_GAP_RE.fullmatch(text, spots[j][1], spots[j + 1][0]):
            j += 1
        segment = text[spots[j][1]:spots[j + 1][0] if j + 1 < len(spots) else len(text)]
        end = _FULL_STOP_RE.search(segment) if sentence and j + 1 == len(spots) else None
        out.append(segment[:end.end()] if end else segment)
    return " ".join(out)


_FULL_STOP_RE = re.compile(r"[。！？!?]|\.(?=\s|$)")
"""A sentence's end (not a clause's: "；" goes on about the same SDK)."""


def _without_asides_of(sentence: str, name: str, named: list[str]) -> str:
    """``sentence`` without the brackets written right after the other SDKs it names: what such a bracket says
    ("MoPub (ad platform of Twitter, Inc.)") is of that SDK, never of ``name`` (a company's own bracket, "友盟同欣
    （北京）科技有限公司", stays)."""
    for other in named:
        if other != name and other not in name:
            sentence = re.sub(re.escape(other) + r"\s*[（(][^（）()]*[)）]", other, sentence)
    if len(named) > 1:  # (and, naming several, every bracket of Latin words: "DoubleClick (platform of Google LLC)")
        sentence = _LATIN_ASIDE_RE.sub(" ", sentence)
    return sentence


_LATIN_ASIDE_RE = re.compile(r"\([^()（）]*[A-Za-z][^()（）]*\)")
_TITLE_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}[.、．)）]?|[(（]?[一二三四五六七八九十]{1,3}[)）、.]?)\s*")


_FIRST_PERSON_RE = re.compile(r"我们|本应用|本软件|本客户端|本产品|本平台|\b(?:we|our app)\b", re.IGNORECASE)
"""The app speaking of itself: the subject of what a clause says is used."""


def _titled_sdk(text: str, ctx: Context) -> str:
    """The name a heading gives as all its words, an SDK's own ("#### 1.5 Effects SDK", "3.2 某某实时传译 SDK": a
    vendor page's section per product), known to the catalog or not; "" for a heading of anything else (a kind,
    "推送SDK"; SDKs in general, "第三方SDK"; words about one, "接入SDK")."""
    name = _TITLE_NUMBER_RE.sub("", TAG_RE.sub("", text)).strip(_TITLE_MARKS)
    if not name_like(name) or not _own_sdk_name(name, ctx) or _THIRD_PARTY_WORD_RE.search(name) \
            or _ZH_VERB_OPENING_RE.match(name):
        return ""
    return name


_ZH_VERB_OPENING_RE = re.compile(r"^(?:集成|接入|使用|采用|引入|嵌入|调用|初始化|配置|下载|更新|关于|如何)")
"""Verbs opening a heading about an SDK ("接入SDK", "初始化某某SDK"): what is done with it, not its name."""


def _titles(text: str, name: str) -> bool:
    """``text`` is a title naming ``name`` and nothing else ("20. ACME SDK", "**Fire Analytics**")."""
    return _TITLE_NUMBER_RE.sub("", TAG_RE.sub("", text)).strip(_TITLE_MARKS).casefold() == name.casefold()


_ITEM_MARK_RE = re.compile(r"^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}[.、)）]|[①-⑳])")
"""A numbered item's mark opening a paragraph ("9、", "（3）")."""
_ITEM_OPENING_RE = re.compile(_ITEM_MARK_RE.pattern + r"\s*(?:使用|集成|接入|我们使用|我们集成|我们接入)")
"""A numbered item opening with the SDKs it is about ("(3)使用QQ互联…", "2、接入极光推送…")."""
def _first_sentence(text: str) -> str:
    """The first sentence of a paragraph (all of it when it has one)."""
    m = _SENTENCE_RE.search(text)
    return m.group(0) if m else text


_ASKED_RE = re.compile(r"权限|\bpermissions?\b", re.IGNORECASE)


def _permission_clauses(text: str) -> str:
    """The clauses of a paragraph about one SDK that say which permissions it uses ("使用到的权限是“存储权限、读取
    网络状态”", "可能需要获取访问网络权限、访问网络状态权限"), none that says it needs none: the row's permissions."""
    return "；".join(m.group(0) for m in CLAUSE_RE.finditer(text)
                    if _ASKED_RE.search(m.group(0)) and not NOT_ASKED_RE.search(m.group(0)))


MAX_CUE_DISTANCE = 160
"""Characters around a name within which a cue says whose it is ("…由某某有限公司提供"): a "sentence" of a page that
lost its line breaks runs on for hundreds of characters, naming other parties' SDKs and companies."""


def _near(sentence: str, name: str) -> str:
    """The words of ``sentence`` within :data:`MAX_CUE_DISTANCE` characters of ``name``'s first mention and inside
    its list item (the whole sentence when it does not name it)."""
    at = sentence.find(name)
    if at < 0:
        return sentence
    start, end = max(0, at - MAX_CUE_DISTANCE), min(len(sentence), at + len(name) + MAX_CUE_DISTANCE)
    before = [m.end() for m in _RUN_ON_ITEM_RE.finditer(sentence, start, at)]
    after = _RUN_ON_ITEM_RE.search(sentence, at + len(name), end)
    return sentence[before[-1] if before else start:after.start() if after else end]


_RUN_ON_ITEM_RE = re.compile(r"(?:^|\s)(?:\d{1,2}[）)]|[（(]\d{1,2}[）)])")
"""An item's number in a text that lost its line breaks (" 3）基于数据统计的SDK接入"): where one item's words end."""


def _bracketed_company(text: str, name: str) -> str:
    """The company written in brackets after the SDK's name, or after its name without a last word of kind
    ("穿山甲（北京巨量引擎网络技术有限公司）隐私政策参见…", "游可盈（某某有限公司）" of "游可盈平台"); "" when none."""
    stems = {name, _KIND_TAIL_RE.sub("", name).strip()} - {""}
    for stem in sorted(stems, key=len, reverse=True):
        for m in _all_after_name(_COMPANY_ASIDE_RE, text, stem):
            found = re.split(r"[:：]", m.group(1))[-1].strip()  # ("（公司全称：某某股份有限公司）": the name)
            if _legal_company(found):
                return cued_company(found) or found  # ("(monetization platform of Twitter, Inc.)": whose)
            first = _ADDRESSED_RE.match(found)  # ("(Acme N.V., Hauptstraße 1, 10117 Berlin)": the company, its address)
            if first and _legal_company(first.group(1)):
                return first.group(1).strip()
    return ""


def _legal_company(text: str) -> bool:
    """``text`` reads as a company and names its legal form ("Acme N.V.", "某某科技有限公司")."""
    return bool(LEGAL_ENTITY_RE.search(text) or _ENTITY_END_RE.search(text)) and company_like(text)


_ADDRESSED_RE = re.compile(r"^(.{2,60}?(?:\b[A-Za-z.]+\.?|公司))\s*[,，;；]\s*(?=.*\d)")
"""A company's name, then its address with a number in it, after a comma ("Acme N.V., Hauptstraße 1, Berlin")."""


_COMPANY_ASIDE_RE = re.compile(r"[”\"」]?\s*[（(]((?:[^（）()]|[（(][^（）()]{1,12}[)）]){4,80})[)）]")
"""Words in brackets right after a name, a company's name among them (:func:`_bracketed_company`)."""
_OWN_ASIDE_RE = re.compile(r"[”\"」]?\s*[（(]([^（）()]{3,300})[)）]")
"""Words in brackets right after a name: its package, maybe ("友盟SDK（com.umeng）")."""


def _places(text: str, name: str) -> Iterator[int]:
    """Where ``text`` writes ``name``, one place after another, not overlapping (as :func:`re.finditer` on the name:
    no pattern compiled for each name a long page names)."""
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + len(name))


def _all_after_name(pattern: re.Pattern[str], text: str, name: str) -> Iterator[re.Match[str]]:
    """Each match of ``pattern`` right after a place ``text`` writes ``name``."""
    for at in _places(text, name):
        m = pattern.match(text, at + len(name))
        if m is not None:
            yield m


def _after_name(pattern: re.Pattern[str], text: str, name: str) -> re.Match[str] | None:
    """The first match of ``pattern`` right after a place ``text`` writes ``name``, else None."""
    return next(_all_after_name(pattern, text, name), None) if name else None


def _inside(every: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Of ``(name, key)`` pairs (names casefolded), those whose name is written inside another pair's name of another
    key: one pass over the names with all of them in an automaton, not each name against every other."""
    automaton = ahocorasick.Automaton()
    for name, key in every:
        if name:
            automaton.add_word(name, automaton.get(name, ()) + ((name, key),))
    if not len(automaton):
        return set()
    automaton.make_automaton()
    return {(name, key) for other, k in every for _, found in automaton.iter(other)
            for name, key in found if key != k}


_KIND_TAIL_RE = re.compile(r"(?:平台|SDK|sdk|Sdk|服务)$")
_ENTITY_END_RE = re.compile(r"\b(?:ltd|limited|corp|corporation|pte|plc|n\.v|b\.v|s\.a)\b\.?\s*$", re.IGNORECASE)
"""A bracket ending with a company's legal form ("(AppsFlyer Ltd.)", "(Fyber N.V.)")."""
_PROVIDED_BY_RE = re.compile(r"\b(?:provided|operated|offered|developed|owned|run) by\s+(?:the\s+)?"
                             r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})")
"""A company named without its legal form after a verb of providing ("a service provided by Google")."""


def _provided_by(sentence: str, ctx: Context) -> str:
    """The company a sentence says provides something, when the name is one of the lexicon's vendor words
    (``sdk_names.vendor_words``: "provided by Google"); "" otherwise."""
    m = _PROVIDED_BY_RE.search(sentence)
    if m is None:
        return ""
    name = m.group(1).rstrip(".")
    return name if case_key(name).casefold() in ctx.names.vendors else ""


def _name_words(name: str) -> set[str]:
    """What a later sentence may call an SDK by: its name, each of its Latin words of four letters or more
    ("Crashlytics" of "Firebase Crashlytics")."""
    return {name} | {w for w in re.findall(r"[A-Za-z][\w-]{3,}", name) if w.casefold() != "sdk"}


MAX_LISTED_AFTER = 8
_HEAD_ITEM_RE = re.compile(r"^\s*(?!https?:)[^:：。.!?！？]{2,40}[:：]\s*\S")
"""An item that lost its marker: a short head and a colon ("Device Identifiers: such as…")."""
MAX_TABLE_AFTER = 120
_TABLE_CUE_RE = re.compile(r"如下表|下表|以下表格|下列表格|following table|table below", re.IGNORECASE)


def _named_over_lists(doc: Document, paragraphs: list[tuple[int, int]], texts: list[str], ps: list[int]) -> list[str]:
    """The text of later paragraphs naming an SDK again, with the list or table each introduces; only those
    that introduce one ("Some information Admob may collect:")."""
    out = []
    for q in ps:
        listed = _listed_after(doc, paragraphs, texts, q)
        if listed:
            out.append(f"{texts[q]} {listed}")
    return out


def _said_of_them(doc: Document, paragraphs: list[tuple[int, int]], texts: list[str], p: int) -> str:
    """The next paragraph (with the list it introduces) when it speaks of the SDKs paragraph ``p`` named."""
    if p + 1 >= len(paragraphs) or not BACK_REFERENCE_RE.match(texts[p + 1]):
        return ""
    return f"{texts[p + 1]} {_listed_after(doc, paragraphs, texts, p + 1)}".strip()


MAX_BARE_ITEM = 40


def _listed_after(doc: Document, paragraphs: list[tuple[int, int]], texts: list[str], p: int) -> str:
    """The list items right after a paragraph that ends with a colon ("…may collect, including:" then
    "- Device model…"), or the table right after a paragraph that points to it ("…个人信息清单如下表所示"):
    what the paragraph's sentence goes on to name."""
    if _TABLE_CUE_RE.search(texts[p]):
        end = paragraphs[p][1] + 1
        rows = [doc.lines[k].text for k in range(end, min(len(doc.lines), end + MAX_TABLE_AFTER))]
        return " ".join(itertools.takewhile(lambda t: "|" in t, rows))
    if not texts[p].rstrip().endswith((":", "：")):
        return ""
    out: list[str] = []
    for k in range(paragraphs[p][1] + 1, min(len(doc.lines), paragraphs[p][1] + 1 + MAX_LISTED_AFTER)):
        line = doc.lines[k]
        marked = line.mark == "li" or _ITEM_START_RE.match(line.text) is not None
        apart = line.no != doc.lines[k - 1].no + 1
        bare = apart and not line.mark and width(line.text.strip()) <= MAX_BARE_ITEM \
            and not line.text.rstrip().endswith(TERMINAL)  # a text that lost its markers: short lines, blank between
        if not marked and not bare and (apart or not _HEAD_ITEM_RE.match(line.text)):
            break  # an item without a marker follows the line before it directly, or is a short line of its own
        out.append(line.text)
    return " ".join(out)


def _paragraphs(doc: Document, ctx: Context) -> list[tuple[int, int]]:
    """Line ranges of paragraphs: a line wrapped onto the next (no sentence end, no markup) is joined."""
    lines = doc.lines
    seen: dict[tuple[str, str], tuple[bool, bool, bool]] = {}  # each distinct line's wrap kind once
    kinds = []
    for k, line in enumerate(lines):
        key = (line.text, line.mark)
        if key not in seen:
            seen[key] = _wrap_kind(line, ctx.lines[k].outline)
        kinds.append(seen[key])
    out = []
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j + 1 < n and j - i < MAX_PARAGRAPH and lines[j + 1].no == lines[j].no + 1 and (
                kinds[j + 1][1] or (kinds[j][0] and kinds[j + 1][2])):
            j += 1
        out.append((i, j))
        i = j + 1
    return out


_CLAUSE_ENDS = ("，", ",", "、")
"""Marks ending a clause that the next line finishes, however short the line."""


def _wrap_kind(line: Line, outline: bool) -> tuple[bool, bool, bool]:
    """How a line wraps into a paragraph with the line before or after it (the next source line):
    ``(open, link, continues)``: it runs on (no sentence end, no closing link, no heading, not short); it is
    only a link ("…via this link:" / "https://…"), which joins the line before; it can continue the line
    before (no markup, pipe, outline number or item marker; ``outline``: it opens with outline numbering)."""
    text = line.text.rstrip()
    opens = (not line.mark.startswith("h") and not text.endswith(TERMINAL + ("|",))
             and (width(text) >= 40 or text.endswith(_CLAUSE_ENDS))  # ("（3）若您希望…发音，": a clause runs on)
             and not _ENDS_WITH_URL_RE.search(text)  # "…Privacy policy: https://…": an item ended
             and not (_SEMICOLONS_RE.search(text) and _semicolon_items(text)))  # (a list on one line ends there)
    link = not line.mark and URL_RE.match(line.text.strip()) is not None
    continues = not line.mark and "|" not in line.text and not outline and not _ITEM_START_RE.match(line.text)
    return opens, link, continues


def _mentions(text: str, ctx: Context, exact: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """``(name as written, dedupe key)`` of the SDKs a line names, in order."""
    found: list[tuple[int, str]] = []
    for start, name in _catalog_names(text, ctx, exact) + _listed(text, ctx, exact) + _quoted_sdks(text) \
            + _collecting_sdks(text, ctx) + _linked(text) + _numbered_items(text, ctx, exact):
        found.append((start, name))
    found.sort()
    makers = [(m.start(1), m.end(1)) for m in _MAKERS_SDK_RE.finditer(text)] if "SDK" in text else []
    out: list[tuple[str, str]] = []
    for start, name in found:
        if _names_data(name, ctx) or ctx.lexicon.generic(name):
            continue  # "OAID" in a list of identifiers: data; "ad SDKs": a kind of SDK, not one SDK
        if _denied(text, start) or _removed(text, start, start + len(name)):
            continue  # "We do not use Google Analytics", "No Firebase", "未集成友盟SDK", "X has been removed"
        if _ACCOUNT_RE.match(text, start + len(name)):
            continue  # "支付宝账户", "your Google account": a user's account, data, not the SDK
        if _INSTALLED_RE.search(_sentence_at(text, start)):
            continue  # "本应用会查询微信、微博…的安装状态": apps looked for on the device, not SDKs in the app
        if any(a <= start < b for a, b in makers):
            continue  # "集成深圳市甲乙科技有限公司的…": a name inside the maker's is the company's, not an SDK's
        sdk_id = exact(name) or next((k for part in SLASH_RE.split(name) if part and (k := exact(part))), None)
        key = sdk_id or case_key(name).casefold()  # ("甲SDK/甲推送SDK": one SDK under two names, the known one's)
        if all(k != key for _, k in out):
            out.append((name, key))
    return out


_TITLE_MARKS = " \t*#_:：-"
"""Marks around a title line that names one service ("**Google Analytics**")."""


def _linked(text: str) -> list[tuple[int, str]]:
    """The names of a run of linked names (:func:`linked_names`: "Partners: MyTarget https://…/privacy,
    Yandex Mobile Ads SDK https://…/legal/…, …"), at their first place in the line."""
    out: list[tuple[int, str]] = []
    for name, _ in linked_names(text) if "://" in text or "www." in text else ():
        start = text.find(name)
        if start >= 0:
            out.append((start, name))
    return out


_COLLECTS_RE = re.compile(r"\s*(?:SDK|sdk|Sdk)\s*(?:会|可能会|将会|将|可能|还会)?\s*(?:收集|搜集|读取|获取|采集)")
"""An SDK word then a verb of collecting ("…SDK会收集您的设备信息", "…SDK可能会读取"): what opens the sentence
before it names the SDKs that collect."""
_SUBJECT_END = frozenset("，,。；;：:!?！？时后\t ")
"""Where the words naming the collecting SDKs start, reading back from the SDK word (outside brackets): a
clause's or sentence's end, the "时" / "后" of "如您使用…时", a blank."""
_SUBJECT_SPLIT_RE = re.compile(r"[/／、]")
_SDK_WORD_AT_RE = re.compile(r"\s*(?:SDK|sdk|Sdk)")
_SUBJECT_LEAD_RE = re.compile(r"^(?:[^\w\u3400-\u9fff]+|(?:[ivxIVX]{1,5}|[a-zA-Z])[.、)）]|(?:若|如果|如|当)(?=调用|使用)"
                              r"|(?:用于|使用|集成|接入|通过|采用|引入|嵌入|调用)了?)+")
"""Marks and verbs opening the words before a collecting SDK ("-百度", "vii.该", "用于穿山甲", "若调用某某SDK"): no
part of its name."""
MAX_SUBJECT = 80


def _collecting_sdks(text: str, ctx: Context) -> list[tuple[int, str]]:
    """The SDKs a sentence says collect, named before "SDK会收集" ("如您使用第三方登录时 闪验/微信SDK会收集…",
    "AgoraRtcEngine（上海某某有限公司）SDK会收集…"): each name without its bracket (its company, read by the row),
    several parted by "/" or "、", when a catalog name, or followed by its company in brackets, or listed with
    one that is; start and name as written."""
    out: list[tuple[int, str]] = []
    if "sdk" not in text and "SDK" not in text and "Sdk" not in text:
        return out
    if "://" in text or "www." in text:  # an address's parts are no names: blanks, where a subject stops
        text = URL_RE.sub(lambda u: " " * len(u.group(0)), text)
    for m in _COLLECTS_RE.finditer(text):
        depth, k = 0, m.start()
        while k > 0 and m.start() - k < MAX_SUBJECT:
            c = text[k - 1]
            if c in "）)":
                depth += 1
            elif c in "（(":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and c in _SUBJECT_END:
                break
            k -= 1
        start = k
        named: list[tuple[int, str, bool]] = []
        parts = _SUBJECT_SPLIT_RE.split(text[k:m.start()])
        sdk_word = _SDK_WORD_AT_RE.match(text, m.start())
        for n, part in enumerate(parts):
            name = _SUBJECT_LEAD_RE.sub("", re.sub(r"[（(].*$", "", part).strip())
            bracket = part[part.find(name) + len(name):].strip().strip("（()）")  # (after a lead stripped: "若调用")
            if 2 <= len(name) and name_like(name) and not _THIRD_PARTY_WORD_RE.search(name):
                sure = ctx.names.known(name) or company_like(bracket)
                at = start + part.find(name)
                if n == len(parts) - 1 and not bracket and sdk_word:
                    name = text[at:sdk_word.end()]  # "小米推送SDK会收集": "小米推送SDK"
                    # the one subject, its own words right before the SDK word ("瑞数SDK将收集您的…"): an SDK named
                    # so, known to the catalog or not (not "该SDK", "相关SDK", a kind's "推送SDK": see _mentions)
                    sure = sure or (len(parts) == 1 and _own_sdk_name(name, ctx))
                named.append((at, name, sure))
            start += len(part) + 1
        if any(sure for _, _, sure in named):
            out += [(at, name) for at, name, _ in named]
    return out


def _one_subject(sentence: str, names: list[str]) -> bool:
    """All ``names`` stand together before one "SDK会收集" of ``sentence``, no clause between them ("Vivo推送（…）/
    华为推送（…）SDK可能会读取"): one subject, whose permissions are each one's."""
    plain = re.sub(r"[（(][^（）()]*(?:[（(][^（）()]*[)）][^（）()]*)*[)）]", "", sentence)
    at = [plain.find(n) for n in names]
    if min(at) < 0:
        return False
    anchor = _COLLECTS_RE.search(plain, max(at))
    return anchor is not None and not re.search(r"[，,。；;：:]", plain[min(at):anchor.start()])


def _own_sdk_name(name: str, ctx: Context) -> bool:
    """Whether ``name`` ("某某风控SDK") is an SDK's own name written with its SDK word: a few words before it, none
    saying which SDKs or what kind ("该SDK", "统计类SDK", "如统计SDK"), what data or permission it handles ("设备唯一标识符
    SDK", "浮窗权限SDK"), or a field's label ("所属公司名称 SDK")."""
    words = name[:-3].strip()
    return width(name) <= MAX_OWN_SDK_NAME and _OWN_SDK_NAME_RE.fullmatch(name) is not None \
        and not _NOT_A_NAME_RE.search(words) and not _NOT_A_NAME_RE.search(name) and not _EXAMPLE_RE.match(words) \
        and not _KIND_OR_LIST_RE.search(words) \
        and not ctx.lexicon.data_types_in(words, cell=True) and not ctx.lexicon.permissions_in(words, weak=True) \
        and not _PERMISSION_NAME_RE.search(words) and ctx.lexicon.role(words) is None \
        and not ctx.lexicon.generic(name) and not ctx.lexicon.general(name)


_EXAMPLE_RE = re.compile(r"^(?:如|例如|比如|诸如|包括|含|像|查看|关于|更新)")
"""Words opening an example or a sentence about SDKs ("如统计SDK", "查看所有SDK", "关于某某SDK"): no name written as such."""
_KIND_OR_LIST_RE = re.compile(r"类|等|所有|各|[.．]")
"""Words of a kind or a list of SDKs ("支付类服务SDK", "Glide图片加载等sdk", "f.如SDK"): no one SDK's name."""
_PERMISSION_NAME_RE = re.compile(r"权限|permission", re.IGNORECASE)
MAX_OWN_SDK_NAME = 24
"""Display width of an SDK's name written before the verb of what it collects ("某某风控SDK将收集…")."""
_OWN_SDK_NAME_RE = re.compile(r"[\u3400-\u9fffA-Za-z][\u3400-\u9fffA-Za-z0-9+.\- ]{0,10}\s?(?:SDK|sdk|Sdk)")
_THIRD_PARTY_WORD_RE = re.compile(r"第三方|三方|合作|以下|上述|下述|相关|允许|通过|其他")
"""Words of a clause before the SDK word, not of a name ("允许第三方SDK会收集", "通过上述SDK获取")."""


_QUOTED_SDK_RE = re.compile(r"[“\"「『【‘']([^“”\"「」『』【】‘’'\n，。；,;:：]{2,24}|[a-z][a-z0-9_]*(?:\.[a-z0-9_]+){1,6})[”\"」』】’']"
                            r"\s*(?:的|提供的)?\s*(?:SDK|sdk|Sdk)(?![A-Za-z])"
                            r"|(?<![A-Za-z])(?:SDK|sdk|Sdk)\s*[“「『【]([^“”\"「」『』【】\n，。；,;:：、]{2,24})[”」』】]")
"""A name in quotes that the words around it make an SDK's ("我们使用了“星河推送”的SDK", "“友盟+”SDK", "第三方
【某某】SDK", "第三方SDK“某某”", "我们使用了'com.example.player'的SDK": a package's name, however long): its quotes bound
the name, known to the catalog or not."""


def _quoted_sdks(text: str) -> list[tuple[int, str]]:
    """``(start, name)`` of the quoted names :data:`_QUOTED_SDK_RE` finds."""
    if "SDK" not in text and "sdk" not in text and "Sdk" not in text:
        return []
    found = [(m.start(k), m.group(k).strip()) for m in _QUOTED_SDK_RE.finditer(text) for k in (1, 2) if m.group(k)]
    return [(start, name) for start, name in found if name_like(name)]


_ACCOUNT_RE = re.compile(r"\s*(?:账户|账号|帐号|帐户|accounts?\b)(?!\s*(?:登录|登陆|授权|绑定|log\s?-?in|sign))",
                         re.IGNORECASE)
"""Words right after a name that make it a user's account (not a login with it: "微信账号登录")."""
_INSTALLED_RE = re.compile(r"安装状态|是否(?:已)?安装|\bwhether\b[^.;]{0,80}\b(?:is|are) installed\b", re.IGNORECASE)
"""Words of a sentence about the apps installed on the device: the apps it names are looked for, not used."""
_SENTENCE_END_RE = re.compile(r"[。！？；!?;]|\.(?=\s|$)")


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` that holds position ``at``."""
    start = max((m.end() for m in _SENTENCE_END_RE.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END_RE.search(text, at)
    return text[start:end.end() if end else len(text)]


_NO_RE = re.compile(r"(?:\b(?:no|without)\s+|(?:" + NONE_WORDS + r")\s*)"
                    r"(?:[^,.;:()（）、，；。]{1,40}?(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|、|，))?$", re.IGNORECASE)
"""Words right before a name that say the app has none of it ("No Firebase", "without Sentry", "未集成友盟"), also
of a later name of the list they open ("no AdMob, Facebook Audience Network, etc.")."""
_REMOVED_RE = re.compile(r"^[^.;:!?。；：！？]{0,60}?(?:\b(?:has|have|had|was|were)\s+been\s+removed|\b(?:was|were|is|are)\s+"
                         r"(?:removed|no longer used)|\bno longer (?:used|integrated|included)|已(?:被)?(?:移除|删除|下线|停用)"
                         r"|不再(?:使用|集成|接入))", re.IGNORECASE)
_FORMERLY_RE = re.compile(r"\b(?:previously|formerly)\s+(?:integrated|used|included|embedded)\s+(?:the\s+)?$"
                          r"|(?:曾经|此前|之前)(?:接入|集成|使用)的?$", re.IGNORECASE)


def _removed(text: str, start: int, end: int) -> bool:
    """True when the clause of a name says the app had it and no longer has ("the previously integrated X SDK
    has been removed", "X and Y SDKs have been removed", "X已移除")."""
    return _REMOVED_RE.search(text[end:end + 120]) is not None or _FORMERLY_RE.search(text[max(0, start - 60):start]) is not None


_LIST_GOES_ON = r"(?:(?!\bbut\b|\bhowever\b|\binstead\b|\bonly\b|但|而是|仅|只)[^.;:!?。；：！？])*$"
"""The rest of a clause up to a name, commas included (a list: "not used for advertising, Firebase Analytics,
AdMob"), unless the clause turns ("…, but we use Sentry")."""
_NOT_USED_RE = re.compile(
    r"(?:(?:\b(?:do|does|did|will)\s+not|\b(?:don't|doesn't|didn't|won't|never|no longer))\s+(?:use|integrate|include|"
    r"embed|contain|rely on|work with|share [^,.;]{0,40}? with)\b"
    r"|\b(?:is|are|was|were)\s+(?:not|never)\s+(?:used|shared)\s+(?:for|by|with|in)\b"
    r"|不使用|未使用|未集成|未接入|不集成|不接入|没有使用|没有集成|没有接入|不用于)" + _LIST_GOES_ON, re.IGNORECASE)
"""A clause saying the app does not use what it names next ("We do not use Google Analytics", "本应用未集成友盟统计",
"They are not used for advertising, Firebase Analytics or AdMob") (not any negation: "We do not sell your data;
crash reports go to Sentry" names an SDK the app uses)."""


def _denied(text: str, start: int) -> bool:
    """True when the words right before an SDK named at ``start`` say the app does not use it."""
    head = text[max(0, start - 80):start]
    return bool(_NO_RE.search(head) or _NOT_USED_RE.search(head))


_DATABASE_AFTER_RE = re.compile(r"\s*(?:databases?\b|db\b|数据库)", re.IGNORECASE)
_DATABASE_BEFORE_RE = re.compile(r"(?:databases?|数据库)中?\s*[（(]\s*$", re.IGNORECASE)
"""A name said to be the database the app keeps its data in (on the device, not a third party's service)."""
_LIST_GAP_RE = re.compile(r"^\s*[/、,，;；]\s*")
_ITEM_BEFORE_RE = re.compile(r"([^/、,，;；（(\s][^/、,，;；（(]*?)\s*[/、,，;；]\s*$")
_ITEM_AFTER_RE = re.compile(r"[^/、,，;；）)]+")
MAX_ITEM_CHARS = 60
"""Characters of an enumeration's item next to a name (an identifier is short)."""


def _among_data(text: str, start: int, stop: int, ctx: Context) -> bool:
    """True when the name at ``text[start:stop]`` is an item of an enumeration (parted by "/", "、", ",") whose
    item next to it, before or after, is exactly a personal-data word ("IDFA/OpenUDID/GUID")."""
    before = text[max(0, start - MAX_ITEM_CHARS):start]
    m = _ITEM_BEFORE_RE.search(before)
    if m and _names_data(m.group(1).strip(), ctx):
        return True
    gap = _LIST_GAP_RE.match(text[stop:stop + MAX_ITEM_CHARS])
    if gap is None:
        return False
    after = _ITEM_AFTER_RE.match(text, stop + gap.end(), stop + gap.end() + MAX_ITEM_CHARS)
    if after is not None and _names_data(after.group(0).strip(), ctx):
        return True
    # an item of a bracketed list of identifiers ("唯一设备识别码（IMEI、OAID、IDFA、UUID、Open UDID、UDID…）"):
    # at least MIN_DATA_ITEMS of its items are exactly data words, whatever stands right beside the name
    opened = max(text.rfind("（", 0, start), text.rfind("(", 0, start))
    close = min((k for k in (text.find("）", stop), text.find(")", stop)) if k >= 0), default=-1)
    if opened < 0 or close < 0 or text.find("）", opened, start) >= 0 or text.find(")", opened, start) >= 0:
        return False
    items = _ENUM_SPLIT_RE.split(text[opened + 1:close])
    return sum(1 for item in items if _names_data(item.strip(), ctx)) >= MIN_DATA_ITEMS


MIN_DATA_ITEMS = 2
"""Items of a bracketed list that are data words, for a catalog name among them to be one more identifier."""


def _names_data(name: str, ctx: Context) -> bool:
    """True when a mention is, as written, exactly a personal-data phrase of the lexicon."""
    folded = fold(name)
    return any(h.data_types and h.phrase == folded for h in ctx.lexicon.find(name, weak=True))


MIN_SITE_NAME = 4


def _best_link(name: str, text: str, linked: str) -> str:
    """The row's link among the addresses of its sentences: one on the SDK's own site first, its privacy page
    before its home page; else the address its name links to (a Markdown link, or the address written right
    after the name: an HTML link's target); else "" (the reader then takes the first)."""
    key = re.sub(r"[^a-z0-9]", "", re.sub(r"(?i)\bsdk\b", "", name).casefold())
    found: list[str] = [u.rstrip(".,;:") for u in URL_RE.findall(text)]
    own = [u for u in found if len(key) >= MIN_SITE_NAME and key in re.sub(r"[^a-z0-9]", "", host(u))]
    if own:
        return next((u for u in own if "privac" in u.casefold()), own[0])
    stem = re.sub(r"(?i)\s*\bsdk\b\s*$|\s*sdk$", "", name).strip()
    labelled = re.search(re.escape(stem) + r"\s*[:：]\s*", text) if width(stem) >= MIN_LINK_LABEL else None
    address = URL_RE.match(text, labelled.end()) if labelled else None
    if address:  # "其隐私政策参见：穿山甲：https://…优量汇：https://…": the address its own name labels
        return address.group(0).rstrip(".,;:")
    if not linked and name in text:  # "AppsFlyer https://…, DU Ad Platform http://…": a page's links, each
        after = re.search(re.escape(name) + r"[\s*]*((?:https?://|www\.)\S+)", text)  # address after its text
        linked = after.group(1).rstrip(".,;:") if after else ""
    return linked


MIN_LINK_LABEL = 4
"""Display width of the shortest name that labels an address of its own ("快手：https://…"; not "QQ")."""


def _later_link(name: str, text: str, later: str) -> str:
    """With no address in the row's own text, the one a later sentence naming the SDK gives ("Fyber (Fyber N.V., …)
    and Admob…" then "Further information about Fyber's data processing can be found here: https://…"); ""."""
    if not later or URL_RE.search(text):
        return ""
    for m in _SENTENCE_RE.finditer(later):
        address = URL_RE.search(m.group(0)) if name in m.group(0) else None
        if address is not None:
            return _best_link(name, m.group(0), "") or address.group(0).rstrip(".,;:")
    return ""


def _own_site(label: str, url: str) -> bool:
    """A link whose text is the name of the site it points to ("[TelemetryDeck](https://telemetrydeck.com/)"):
    the product's own name, as a paragraph that says the app uses it writes it."""
    key = re.sub(r"[^a-z0-9]", "", label.casefold())
    parts = host(url).split(".")
    if len(parts) < 2:
        return False
    site = parts[-3] if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL else parts[-2]  # "x.com.cn": x
    return len(key) >= MIN_SITE_NAME and key == re.sub(r"[^a-z0-9]", "", site)


_SECOND_LEVEL = frozenset({"com", "co", "net", "org", "gov", "edu", "ac"})
_HOME_PAGE_RE = re.compile(r"^(?:https?://)?[^/?#]*/?", re.IGNORECASE)
"""An address up to its path: nothing left for a home page."""
_NAME_BEFORE_URL = 60
"""How far before an address a name of its site is looked for (one clause: "For X please visit …")."""
_CAPITALISED_RUN_RE = re.compile(r"(?<![\w.])[A-Z][\w.-]*[A-Za-z0-9](?:\s[A-Z][\w.-]*[A-Za-z0-9]){0,2}")


def _catalog_names(text: str, ctx: Context, exact: Callable[[str], str | None]) -> list[tuple[int, str]]:
    """Distinctive catalog names and aliases in running text (:meth:`NameIndex.spot`) and catalog names
    written with an SDK suffix; the longest at each start, without overlaps."""
    found = list(ctx.names.spot(text))
    for m in _MD_LINK_RE.finditer(text) if "](" in text else ():  # "[Crashlytics](https://…)": a name as a link
        label = m.group(1).strip()
        if label.casefold() in _LINK_WORDS or ctx.lexicon.role(label) in ("link", "website"):
            continue
        if exact(label) or (_own_site(label, m.group(2)) and (_USE_VERB_RE.search(text) or _BY_SERVICE_RE.search(text))
                            and name_like(label)
                            and not ctx.lexicon.general(label) and not ctx.lexicon.generic(label)):
            found.append((m.start(1), m.end(1), label))  # a catalog name, or a product linked to its own site
    for m in URL_RE.finditer(text) if "://" in text or "www." in text else ():
        # "For Vungle please visit https://vungle.com/opt-out/": a catalog name before an address on its own site
        # (a page of it: a bare home page, "Facebook http://www.facebook.com", is a link to follow the app there)
        if not _HOME_PAGE_RE.sub("", m.group(0)):
            continue
        before = text[max(0, m.start() - _NAME_BEFORE_URL):m.start()]
        for w in _CAPITALISED_RUN_RE.finditer(before):
            caps = w.group(0).split(" ")
            spans = [" ".join(caps[i:j]).rstrip(".-") for i in range(len(caps)) for j in range(len(caps), i, -1)]
            site = next((x for x in spans if exact(x) and _own_site(x, m.group(0)) and not ctx.lexicon.generic(x)
                         and not ctx.lexicon.general(x)), None)
            if site:  # ("For Vungle": the run's part that is the name)
                start = m.start() - len(before) + w.start() + w.group(0).find(site)
                found.append((start, start + len(site), site))
    used = [*_USED_NAME_RE.finditer(text), *_NAME_USED_RE.finditer(text)] if _USE_VERB_RE.search(text) else []
    used += _ZH_USED_NAME_RE.finditer(text)
    used += _PARTNER_NAME_RE.finditer(text) if "rovider" in text or "artner" in text or "endor" in text else []
    used += [*_SERVED_BY_RE.finditer(text), *_NAME_ACTS_RE.finditer(text)]
    for m in _POLICY_NAMED_RE.finditer(text) if "rivacy" in text else ():
        words = m.group(1).split()
        for k in range(len(words)):  # the longest run of the words that end before the policy's that is a name
            span = " ".join(words[k:])
            if exact(span) and not ctx.lexicon.generic(span) and not ctx.lexicon.general(span):
                found.append((m.end(1) - len(span), m.end(1), span))
                break
    for m in _USED_NAMES_RE.finditer(text) if _USE_VERB_RE.search(text) else ():
        # (the names after the first one listed: the first is :data:`_USED_NAME_RE`'s)
        at = m.start(1)
        for part in _LIST_SEPARATOR_RE.split(m.group(1)):
            at = text.find(part, at)
            span = part.rstrip(".-")
            if at > m.start(1) and exact(span) and not ctx.lexicon.generic(span) and not ctx.lexicon.general(span):
                found.append((at, at + len(span), span))
            at += len(part)
    for m in used:  # "we use Sentry for …", "Sentry is used for …", "集成了Sentry", "sent to Sentry"
        words = m.group(1).split()
        words = words[:next((k + 1 for k, w in enumerate(words) if w.endswith(".")), len(words))]  # one sentence
        for k in range(len(words), 0, -1):  # the longest run of capitalised words that is a catalog name
            span = " ".join(words[:k]).rstrip(".-")  # "… uses Google Play Billing.": not the full stop
            if exact(span) and not ctx.lexicon.generic(span) and not ctx.lexicon.general(span):
                found.append((m.start(1), m.start(1) + len(span), span))
                break
    for m in _vendor_named_re(ctx.lexicon.vendor_words).finditer(text):  # "Google Firebase", "Tencent Bugly"
        words = m.group(0).split()
        for k in range(len(words), 1, -1):  # the longest run, the vendor and one word at least, that is a name
            span = " ".join(words[:k]).rstrip(".-")
            if exact(span) and not ctx.lexicon.generic(span) and not ctx.lexicon.general(span):
                found.append((m.start(), m.start() + len(span), span))
                break
    for m in _PROVIDED_SDK_RE.finditer(text) if "由" in text else ():  # "X SDK 由某某有限公司研发并运营"
        name = m.group(1).strip()
        if not name.startswith(("本", "该", "此", "其", "各")) and name_like(name) and company_like(m.group(2)) \
                and not ctx.lexicon.general(name) and not ctx.lexicon.generic(name):
            found.append((m.start(1), m.start(1) + len(name), name))  # an SDK whose maker the sentence names
    for m in _SUPPLIER_RE.finditer(text) if "由" in text else ():  # "消息推送服务供应商：由某某有限公司提供…"
        if company_like(m.group(2)):
            found.append((m.start(1), m.end(1), m.group(1)))
    for m in _INTEGRATED_SDK_RE.finditer(text) if "SDK" in text else ():  # "集成了ButterknifeSDK": named so, an SDK
        found.append((m.start(1), m.end(1), m.group(1)))
    for start, stop in integrated_sdks(text) if "SDK" in text else ():  # "集成七鱼SDK": the same in Chinese
        name = text[start:stop]
        if not ctx.lexicon.general(name) and not ctx.lexicon.generic(name.replace("+", "")):
            found.append((start, stop, name))
    for start, stop, _ in _made_sdks(text) if "SDK" in text else ():  # "集成某某有限公司的甲乙SDK": an SDK by its maker
        name = text[start:stop]
        if not ctx.lexicon.general(name) and not ctx.lexicon.generic(name.replace("+", "")):
            found.append((start, stop, name))
    for start, stop in clause_sdks(text) if "SDK" in text else ():  # "合作方：微信SDK、微博SDK，当您…"
        name = text[start:stop]
        if not ctx.lexicon.general(name) and not ctx.lexicon.generic(name.replace("+", "")):
            found.append((start, stop, name))
    for m in _SDK_SUFFIX_RE.finditer(text):  # "TPNS SDK", "极光推送SDK": a catalog name with an SDK suffix
        words = [m.start(1)] + [m.start(1) + k.start() + 1 for k in re.finditer(r"\s", m.group(1))]
        # in a run of Chinese the name may start at any character ("我们集成了vivo推送SDK")
        run = m.group(1)
        chars = [m.start(1) + k for k in range(1, len(run)) if CJK_RE.match(run[k - 1])]
        for start in sorted(set(words + chars)):
            span = text[start:m.end()]
            if exact(span) and not ctx.lexicon.generic(span):
                found.append((start, m.end(), span))
                break
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    names: list[tuple[int, str]] = []
    end = -1
    for start, stop, span in found:
        if start >= end:
            if _STORE_RE.match(text, stop) or _STORE_NAME_RE.fullmatch(span):
                continue  # "the Google Play Store", "available on Google Play": the app store, not an SDK
            if _DATABASE_AFTER_RE.match(text, stop) or _DATABASE_BEFORE_RE.search(text, max(0, start - 16), start):
                continue  # "a local SQLite database", "本地数据库中（SQLCipher 加密）": where the app keeps data
            if _among_data(text, start, stop, ctx):
                continue  # "IMEI/MAC/IDFA/OpenUDID/GUID": an identifier listed among data, not the library
            names.append((start, span))
            end = stop
    return names


def _made_sdks(text: str) -> list[tuple[int, int, str]]:
    """Spans of the SDKs a sentence names after their maker (:data:`_MAKERS_SDK_RE`), with the maker, and of the
    SDKs enumerated right after the first ("集成某某有限公司的甲SDK、乙SDK"), which share it; the name-like only."""
    out: list[tuple[int, int, str]] = []
    for m in _MAKERS_SDK_RE.finditer(text):
        maker = m.group(1)
        if not company_like(maker) or NOT_A_COMPANY_RE.search(maker):
            continue  # ("集成我们关联公司的…": no maker by name)
        aside = m.group(3)  # ("戊己SDK(戊己统计)": the name's; "甲SDK（某某有限公司）": its maker's, no part of it)
        spans = [(m.start(2), m.end() if aside and not company_like(aside) else m.end(2))]
        while more := _NEXT_SDK_RE.match(text, spans[-1][1]):
            spans.append((more.start(1), more.end(1)))
        out += [(a, b, maker) for a, b in spans if b - a <= MAX_MADE_NAME and not _NOT_A_NAME_RE.search(text[a:b])
                and name_like(text[a:b])]
    return out


def _made_by(sentence: str, name: str) -> str:
    """The maker a sentence names ``name`` after (:func:`_made_sdks`); "" when it does not."""
    if "SDK" not in sentence:
        return ""
    return next((maker for a, b, maker in _made_sdks(sentence) if name in sentence[a:b]), "")


def integrated_sdks(text: str) -> list[tuple[int, int]]:
    """Spans of the SDKs a sentence says the app integrates, named in Chinese with an SDK word ("我们的产品集成七鱼SDK",
    "集成了美约SDK、广点通SDK及快手SDK": each of an enumeration so written), without words that say whose or which
    kind (:data:`_NOT_A_NAME_RE`)."""
    out: list[tuple[int, int]] = []
    for m in _ZH_INTEGRATED_SDK_RE.finditer(text):
        spans = [(m.start(1), m.end(1))]
        while more := _NEXT_SDK_RE.match(text, spans[-1][1]):
            spans.append((more.start(1), more.end(1)))
        out += [(a, b) for a, b in spans if not _NOT_A_NAME_RE.search(text[a:b]) and name_like(text[a:b])]
    return out


_CLAUSE_SDK_RE = re.compile(r"(?:^|(?<=[：:。；;，,]))\s*((?:[\u3400-\u9fff][\u3400-\u9fffA-Za-z0-9+]{0,11}?"
                            r"|[A-Za-z][\w.+-]*(?:\s[A-Za-z][\w.+-]*){0,2}?)\s?SDK)(?![A-Za-z0-9])")
"""A name written with its SDK word opening a clause ("合作方：微信SDK、…", "…；丙丁滤镜SDK，当您…")."""
_CLAUSE_AFTER_RE = re.compile(r"\s*[，,]\s*(?:当|在您|如|若|用于|为了|为|此|该|其|主要|会|将|可)")
"""What follows a lone SDK opening a clause: a clause saying when or what for ("甲乙SDK，当您使用…时，此SDK…")."""
_LIST_AFTER_RE = re.compile(r"\s*(?:[，,。；;]|$)")
MIN_CLAUSE_LIST = 2
_CLAUSE_WORD_RE = re.compile(r"使用|调用|需要|包含|包括|会|将|可能|集成|接入|引入|采用|嵌入|提供|通过|以上|以下")
"""Words of a clause before an SDK word ("上述功能需要调用某某SDK", "本应用会使用推送SDK"): a sentence, not a name opening it."""


def clause_sdks(text: str) -> list[tuple[int, int]]:
    """Spans of SDKs named with their SDK word as the subject of a clause: an enumeration of two or more so
    written standing alone between clause marks ("合作方：微信SDK、微博SDK、QQ SDK，当您…"), or one
    followed by a clause saying when or what for ("…；丙丁滤镜SDK，当您调节画面色调时，此SDK读取…"); each
    name-like, none saying which SDKs rather than naming one (:data:`_NOT_A_NAME_RE`)."""
    out: list[tuple[int, int]] = []
    for m in _CLAUSE_SDK_RE.finditer(text):
        spans = [(m.start(1), m.end(1))]
        while more := _NEXT_SDK_RE.match(text, spans[-1][1]):
            spans.append((more.start(1), more.end(1)))
        end = spans[-1][1]
        if not (len(spans) >= MIN_CLAUSE_LIST and _LIST_AFTER_RE.match(text, end) or _CLAUSE_AFTER_RE.match(text, end)):
            continue
        out += [(a, b) for a, b in spans if not _NOT_A_NAME_RE.search(text[a:b]) and not _CLAUSE_WORD_RE.search(text[a:b])
                and name_like(text[a:b])]
    return out


@functools.cache
def _vendor_named_re(vendors: tuple[str, ...]) -> re.Pattern[str]:
    """A Latin vendor word (``sdk_names.vendor_words``, any case) then capitalised words: a product written
    with its vendor's name before a name the catalog has without it ("Google Firebase")."""
    latin = sorted({v for v in vendors if v.isascii()}, key=len, reverse=True)
    if not latin:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w.-])(?i:" + "|".join(re.escape(v) for v in latin) + r")\s+[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,2}")


def _listed(text: str, ctx: Context, exact: Callable[[str], str | None]) -> list[tuple[int, str]]:
    """Names in an enumeration next to an SDK cue ("集成穿山甲，广点通，HUAWEI Ads广告服务"): from its first catalog
    name on, while items stay name-like; at least two must be catalog names. And platforms listed after a
    login/sharing cue ("log in with accounts such as Facebook, Twitter or Google")."""
    out: list[tuple[int, str]] = []
    cued = _SDK_CUE_RE.search(text) is not None
    # an address is no enumeration ("…/blob/main/sentry/src/…": its path's parts are no names)
    masked = URL_RE.sub(lambda m: " " * len(m.group(0)), text) if "://" in text or "www." in text else text
    for chunk_m in re.finditer(r"[^。；;()（）:：]+", masked):
        if cued:
            out += _enumeration(chunk_m.group(0), chunk_m.start(), ctx, exact)
        out += _beside_distinctive(chunk_m.group(0), chunk_m.start(), ctx, exact)
        if "SDK" in chunk_m.group(0) or "sdk" in chunk_m.group(0):
            out += _sdk_siblings(chunk_m.group(0), chunk_m.start(), ctx)
    if "(" in masked:  # ("Flurry (Oath Inc.), AppsFlyer (AppsFlyer Inc.) and Firebase (…)": each name's aside masked,
        # the enumeration read across them)
        asides = _ASIDE_RE.sub(lambda m: " " * len(m.group(0)), masked)
        seen = {n for _, n in out}
        for chunk_m in re.finditer(r"[^。；;:：]+", asides):
            if masked.count("(", chunk_m.start(), chunk_m.end()) < MIN_ASIDES:
                continue  # (names each with an aside, "Name (Company), Name (Company)": not one bracket by the way)
            out += [(k, n) for k, n in _beside_distinctive(chunk_m.group(0), chunk_m.start(), ctx, exact, asides=True)
                    if n not in seen]
            if cued and CJK_RE.search(chunk_m.group(0)) is None:
                # an English enumeration read across its asides ("third party providers Fabric (…), AppsFlyer and
                # Tenjin (…), AppOnboard and SOOMLA (…)"); a Chinese one's aside ends it ("友盟+SDK(…)等，它们的…")
                out += [(k, n) for k, n in _enumeration(chunk_m.group(0), chunk_m.start(), ctx, exact)
                        if n not in seen]
    if ";" in masked or "；" in masked:
        out += _semicolon_names(masked, ctx, exact)
    folded = fold(text)
    if not any(cue in folded for cue in ctx.lexicon.login_cues):
        return out  # a marker counts only after a login/sharing cue
    for marker in ctx.lexicon.list_markers:
        for m in re.finditer(re.escape(marker) if not marker.isascii() else rf"(?<![a-z]){re.escape(marker)}(?![a-z])",
                             folded):
            before = re.split(r"[。；;!?！？]|\.\s", folded[max(0, m.start() - LOGIN_WINDOW):m.start()])[-1]
            if not any(cue in before for cue in ctx.lexicon.login_cues):
                continue
            tail = text[m.end():] if len(text) == len(folded) else text[min(len(text), m.end()):]
            stop = _LIST_END_RE.search(tail)
            for token in _tokens(tail[: stop.start()] if stop else tail[:160]):
                if exact(token) or (token.isascii() and all(any(c.isupper() for c in w) for w in token.split())):
                    out.append((m.end() + max(0, tail.find(token)), token))
    return out


def _sdk_siblings(chunk: str, offset: int, ctx: Context) -> list[tuple[int, str]]:
    """Names with an SDK word joined right after a catalog name and its SDK word ("使用丙丁人脸识别SDK及庚辛对比SDK为您
    提供…"): each names an SDK as its sibling does, known to the catalog or not; not a word for the others ("及其他SDK",
    "和第三方SDK", "及穿山甲等SDK"), nor a word of a kind alone."""
    out: list[tuple[int, str]] = []
    for _, end, _ in ctx.names.spot(chunk):
        m = _SDK_SIBLING_RE.match(chunk, end)
        if m is None:
            continue
        name = m.group(1).strip()
        if name_like(name) and not ctx.lexicon.general(name) and not _NOT_SIBLING_RE.search(name) \
                and not ctx.names.kind_only(name) and not ctx.lexicon.data_types_in(name, cell=True):
            out.append((offset + m.start(1), name))
    return out


_SDK_SIBLING_RE = re.compile(r"\s*(?:SDK|sdk|Sdk)\s*(?:以及|及|和|与|、)\s*([\u3400-\u9fffA-Za-z][\u3400-\u9fffA-Za-z0-9 .+-]{0,20}?"
                             r"(?:SDK|sdk|Sdk))(?![A-Za-z])")
"""A name with an SDK word right after a joining word, after the catalog name's own SDK word (without it, the SDK
word after the second name is both's: "甲乙分享及收藏 SDK", "丙丁推送与分析SDK")."""
_NOT_SIBLING_RE = re.compile(r"^(?:其他|其它|相关|第三方|各|该|此|上述|以上)|等|的|我们|您")
"""Words that open no SDK's name after a joining word ("及其他SDK", "和第三方SDK", "与上述SDK")."""


MIN_NUMBERED_ITEMS = 3
_NUMBERED_ITEM_RE = re.compile(r"[（(](\d{1,2})[)）]\s*([^（()）:：;；。,，、—–\n]{2,40}?)\s*(?:[—–]+|\s-{1,2}\s|[:：])")
"""An item numbered in brackets inside a sentence, its name before a dash or a colon ("（2）百度智能云 OCR — 排班表识别")."""


def _numbered_items(text: str, ctx: Context, exact: Callable[[str], str | None]) -> list[tuple[int, str]]:
    """The names of items numbered in brackets one after another inside a line that speaks of SDKs ("当前已接入：
    （1）阿里云 uniCloud — 云函数与数据库存储；（2）百度智能云 OCR — 排班表识别；…"): three at least, numbered 1, 2, 3…
    in order, each name before a dash or a colon name-like and no data or general words, one of them a catalog
    name."""
    if ("（" not in text and "(" not in text) or not _SDK_CUE_RE.search(text):
        return []
    found = [(m.start(2), m.group(2).strip(), int(m.group(1))) for m in _NUMBERED_ITEM_RE.finditer(text)]
    run: list[tuple[int, str, int]] = []
    best: list[tuple[int, str, int]] = []
    for item in found:
        run = run + [item] if run and item[2] == run[-1][2] + 1 else [item]
        best = run if len(run) > len(best) else best
    if len(best) < MIN_NUMBERED_ITEMS or not any(exact(name) for _, name, _ in best):
        return []
    return [(start, name) for start, name, _ in best
            if name_like(name) and not ctx.lexicon.general(name) and not ctx.lexicon.mostly_data(name)]


MAX_LISTED_NAME = 40
"""Display width of one item of a line that is only a list of names (:func:`_semicolon_names`)."""


def _semicolon_names(text: str, ctx: Context, exact: Callable[[str], str | None]) -> list[tuple[int, str]]:
    """The names of a line that is nothing but names parted by semicolons, under a heading of their kind
    ("Advertising" / "Fyber / Heyzap; AdColony; Admob; Applovin; inMobi; Unity Ads; Vungle"): three at least
    (:func:`_semicolon_items`), each name-like, two of them catalog names, every other one plain words (no data,
    permission or clause)."""
    items = _semicolon_items(text)
    if not items or not all(name_like(p) for p in items):
        return []
    known = [exact(p) is not None for p in items]
    if sum(known) < 2 or not all(k or _plain_name(p, ctx) for p, k in zip(items, known)):
        return []
    return [(text.find(p), p) for p in items]


_SEMICOLONS_RE = re.compile(r"[;；]")


def _semicolon_items(text: str) -> list[str]:
    """The items of a line of three or more parted by semicolons, none a sentence, none wider than a name, none
    with a bracket open over a semicolon ("…(华为;华为推送)": what the bracket says); [] for any other line. Such a
    line is a list written on one line, which runs on into no other."""
    items = [p.strip() for p in _SEMICOLONS_RE.split(text)]
    if len(items) < 3 or any(not p or width(p) > MAX_LISTED_NAME or _SENTENCE_END_RE.search(p)
                             or p.count("(") + p.count("（") != p.count(")") + p.count("）") for p in items):
        return []
    return items


_DEVICE_TAIL_RE = re.compile(r"(?:手机|机型|终端|设备|\bphones?|\bdevices?|\bhandsets?)\s*(?:时|上|中|用户|users?)?$", re.IGNORECASE)
"""An enumeration item ending with a device noun ("小米手机时"): the items up to it are brands of phones
("如您使用华为/小米/OPPO手机时"), not SDKs."""


_LAST_ITEM_END_RE = re.compile(r"\s*\.\s+(?=[A-Z])")
"""Where an English enumeration's last item ends with its sentence ("… AppOnboard and SOOMLA. Their policies…")."""
_AND_SPLIT_RE = re.compile(r"\s+(?:and|or|&)\s+")
"""What joins the last two items of an English enumeration ("…, Game Analytics, AppOnboard and SOOMLA")."""
_ENGLISH_NAME_RE = re.compile(r"[A-Z][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,3}[*†]*\.?")
"""An English item that reads as a name: one to four capitalised words ("AppOnboard", "Game Analytics"), a
footnote's mark after it ("Google AdMob*")."""


def _enumeration(chunk: str, offset: int, ctx: Context, exact: Callable[[str], str | None]
                 ) -> list[tuple[int, str]]:
    english = CJK_RE.search(chunk) is None  # (an English sentence's unknown item must be capitalised words to read as a name)
    items = [q for p in _ENUM_SPLIT_RE.split(chunk) if p.strip()
             for q in (_AND_SPLIT_RE.split(_LAST_ITEM_END_RE.split(p, 1)[0]) if english else [p]) if q.strip()]
    devices = [k for k, p in enumerate(items) if _DEVICE_TAIL_RE.search(p.strip(" 。.，,"))]
    if devices:  # only the items after the last phone brand's device noun may name SDKs
        cut = devices[-1] + 1
        offset += chunk.find(items[cut]) if cut < len(items) else len(chunk)
        chunk, items = chunk[chunk.find(items[cut]):] if cut < len(items) else "", items[cut:]
    if len(items) < 3:
        return []
    stripped = [_strip_item(p) for p in items]
    known = [bool(n) and exact(n) is not None for n in stripped]
    if sum(known) < 2:  # checked before any lexicon work: most enumerations list data, not SDKs
        return []
    start = known.index(True)
    if any(ctx.lexicon.data_types_in(p, cell=True) for p in items[max(0, start - 2):start]):
        return []  # "例如IMEI/Android ID/IDFA/AMAZONID/事件发生时间…": a list of data, whatever names it holds
    run: list[str] = []
    for n, k in zip(stripped[start:], known[start:]):
        if not n or not (k or (_ENGLISH_NAME_RE.fullmatch(n) or not english) and _plain_name(n, ctx)):
            break
        run.append(n)
    return [(offset + max(0, chunk.find(n)), n) for n in run]


_ASIDE_RE = re.compile(r"\([^()]*\)")
MIN_ASIDES = 2
"""Asides in a sentence read across them as an enumeration (:func:`_listed`)."""
_SIBLING_SPLIT_RE = re.compile(r"\s*(?:,|，|、|/|\band\b|\bor\b)\s*")
_LISTED_WORD_RE = re.compile(r"(?:.*\b(?:to|include|includes|including|as|like|uses?|with)\s+)?([A-Z][a-z]{3,})")
_PLAIN_WORD_RE = re.compile(r"[A-Z][a-z]{3,}")
"""One capitalised word ("Firebase", "Vungle"): a catalog name written so is read as one only beside another."""


def _beside_distinctive(chunk: str, offset: int, ctx: Context, exact: Callable[[str], str | None],
                        asides: bool = False) -> list[tuple[int, str]]:
    """Plain capitalised words that are catalog names, enumerated beside a distinctive catalog name ("Firebase,
    Facebook Analytics and our own statistics", "(Firebase, AdMob, Maps)"): there each names its SDK, as it
    does after a verb of using (the spotter reads running text for distinctive names only)."""
    if "," not in chunk and "，" not in chunk and "、" not in chunk and "/" not in chunk:
        return []
    items: list[str] = []
    for part in _SIBLING_SPLIT_RE.split(chunk):
        sentences = re.split(r"[.!?]\s+", part)  # an enumeration may end a sentence ("…, Unity, Vungle. The app…"):
        for said in {sentences[0].strip(" .\"'“”"), sentences[-1].strip(" .\"'“”")}:  # the words up to, or after, a stop
            # (in a sentence read across its asides, "… include Flurry (Oath Inc.), …": the first item's name without
            # the words leading into the list)
            m = _LISTED_WORD_RE.fullmatch(said) if asides else None
            items.append(m.group(1) if m else said)
    plain = [p for p in items if _PLAIN_WORD_RE.fullmatch(p) and exact(p) and not ctx.lexicon.generic(p)
             and not ctx.lexicon.general(p)]
    if not plain or not any(exact(span) for _, _, span in ctx.names.spot(chunk)):
        return []
    out = []
    for p in plain:
        at = re.search(rf"(?<![\w.-]){re.escape(p)}(?![\w-])", chunk)
        if at is not None:
            out.append((offset + at.start(), p))
    return out


def _strip_item(item: str) -> str:
    """An enumeration item without leading verbs and trailing generic words ("集成穿山甲" -> "穿山甲")."""
    item = _ITEM_LEAD_RE.sub("", item.strip())
    item = _ITEM_TAIL_RE.sub("", item).strip(" “”\"'")
    return item if item and len(item) <= 30 and len(item.split()) <= 4 else ""


_CLAUSE_WORDS_RE = re.compile(r"用于|为了|以便|需要|您|我们|时$")
"""Words of a clause, not of a name ("用于下发通知", "小米手机时")."""


def _plain_name(item: str, ctx: Context) -> bool:
    """An unknown enumeration item reads as a name: no data, permission, general or clause words in it."""
    return not (_CLAUSE_WORDS_RE.search(item) or ctx.lexicon.data_types_in(item)
                or ctx.lexicon.permissions_in(item, weak=False) or ctx.lexicon.general(item))


_ITEM_BREAK_RE = re.compile(r"[：:（(]")


def _tokens(chunk: str) -> list[str]:
    """The items of a list of platforms, up to the first that is no item but a clause (more than three words or 30
    characters, a clause's words, a label's colon or a bracket: "如微信、QQ、微博，我们会使用…SDK收集设备信息（IMEI/Mac/
    IDFA…）" ends before "我们会使用…", whose identifiers after are data)."""
    out: list[str] = []
    for part in _LIST_SPLIT_RE.split(chunk):
        token = " ".join(_TOKEN_NOISE_RE.sub(" ", part).split()).strip(" :：\"'“”")
        if len(token.split()) > 3 or len(token) > 30 or _CLAUSE_WORDS_RE.search(token) or _ITEM_BREAK_RE.search(token):
            break
        if token and token not in out:
            out.append(token)
    return out


def _login_purpose(sentence: str, name: str, ctx: Context) -> str:
    folded = fold(sentence)
    cue = next((c for c in ctx.lexicon.login_cues if c in folded), None)
    if cue is None or not name[:1].isupper():
        return ""
    return "sharing" if "share" in cue or "分享" in cue else "third-party login"


def _nested(when: re.Match[str], purpose: re.Match[str]) -> bool:
    """True when the moment is said inside the purpose, which goes on after it ("为了在您外出拍摄时为照片添加
    地点"): the purpose is the scene. A purpose that ends with the moment ("for microphone permission when
    you record an answer") does not hold it."""
    return purpose.start() < when.start() and when.end() < purpose.end(1) - 1


_UNLESS_RE = re.compile(r"\b(?:without|unless|until|before)\b|未经|除非|之前|同意前", re.IGNORECASE)
"""…unless it is only until the user agrees ("We will not access your camera without your consent")."""


MAX_LABEL_SENTENCE = 40
"""How wide a sentence that is only a permission's name may be ("Camera permission.", "Contacts access.")."""


def _with_labels(text: str, ctx: Context) -> list[str]:
    """The sentences of ``text``; a sentence that only names a permission ("Phone permission." opening a
    paragraph) is read with the sentence after it, which says what the app uses it for."""
    sentences = [m.group(0) for m in _SENTENCE_RE.finditer(text)]
    out: list[str] = []
    label = ""
    for sentence in sentences:
        if label:
            out.append(f"{label} {sentence.strip()}")
            label = ""
            continue
        if width(sentence.strip()) <= MAX_LABEL_SENTENCE and len(sentence.split()) <= 4 \
                and ctx.lexicon.permissions_in(sentence, prose=True, verbal=False) \
                and not any(p.search(sentence) for p in WHEN + PURPOSES):
            label = sentence.strip().rstrip(".。")
            continue
        out.append(sentence)
    return out + ([label] if label else [])


def _scenes(text: str, ctx: Context) -> list[tuple[str, str, str]]:
    """``(scene, description, permission text)``, one per clause group of a sentence: a clause naming a
    permission starts a group, the clauses after it (the purpose) join it; the scene is the group's moment
    (:data:`auditor.policy.text.WHEN`) or else its purpose clause ("" when it gives none)."""
    out: list[tuple[str, str, str]] = []
    if not any(h.permissions for h in ctx.lexicon.find(text, weak=True)):
        return out
    previous = ""  # the purpose the sentence before gave, for one that refers back to it ("该功能需要…")
    prior = ""  # the last clause of the sentence before, for a scene that only points back ("参与这些互动")
    clause_before = ""  # the moment or purpose of the sentence before, when a semicolon closed it
    for sentence in _with_labels(text, ctx):
        said = purpose_of(sentence)
        groups: list[list[str]] = []
        lead: list[str] = []  # clauses before the first permission clause ("To scan a card, …")
        cue = ctx.lexicon.has_cue(fold(sentence))
        declined = False  # after "如果您拒绝，…": what refusing costs, no purpose of the permission before
        for clause in _CLAUSE_RE.findall(sentence):
            if ctx.lexicon.permissions_in(clause, prose=True, verbal=not cue):
                groups.append(lead + [clause])
                lead, declined = [], False
            elif groups and (declined or _DECLINED_RE.match(clause.strip())):
                declined = True
            elif groups and not any(p.match(clause.strip()) for p in _WHEN_OPENS):
                groups[-1].append(clause)  # the purpose of the permission clause before
            else:
                lead.append(clause)
        for group in groups:
            part = "".join(group).strip()
            if not ctx.lexicon.permissions_in(part, prose=True, verbal=not cue):
                continue
            if REFUSAL_RE.search(part) and not _UNLESS_RE.search(part):
                continue  # "it does not request … (such as android.permission.INTERNET)": no use of it
            simple = part.translate(T2S)  # (Traditional Chinese read by the same patterns, one character for one)
            when = next((m2 for p in WHEN for m2 in [p.search(simple)] if m2), None)
            purpose = purpose_match(simple)
            if purpose is not None and ctx.lexicon.restates_permission(purpose.group(1)):
                # "…to read and write to the USB storage, so we can store wallpapers": a purpose that only says
                # the permission again gives way to one after it that says the use
                purpose = purpose_match(simple, purpose.end(1)) or purpose
            if when is not None and (purpose is None or not _nested(when, purpose)):
                apart = purpose is not None and (purpose.end(1) <= when.start() or when.end(1) <= purpose.start(1))
                scene = part[when.start(1):when.end(1)]
                desc = part[purpose.start(1):purpose.end(1)] if purpose is not None and apart else ""
            else:  # no moment, or one inside the purpose ("为了在您外出时为照片添加地点"): the purpose
                scene, desc = (part[purpose.start(1):purpose.end(1)] if purpose else ""), ""
                listed = _LIST_LEAD_RE.search(scene) if purpose else None
                aside = max(scene.rfind("(", 0, listed.start()), scene.rfind("（", 0, listed.start())) if listed else -1
                if listed and aside >= 0 and not re.search(r"[)）]", scene[aside:]):
                    scene = scene[:aside].rstrip()  # "information about yourself (such as gender": an aside
                elif purpose and listed:  # "for functions including emoji, wallpapers, themes": the list is the use
                    scene = part[purpose.start(1):_list_end(part, purpose.start(1) + listed.end())]
            after = _AFTER_COLON_RE.search(part, part.find(scene) + len(scene)) \
                if scene and _FORWARD_RE.search(scene.translate(T2S)) else None
            if after:  # "为了提供包括但不限于如下功能，我们需要访问您的相机权限：拍摄照片…": the features follow the colon
                scene = after.group(1)
            if not scene.strip():
                scene = _use_after_definition(group, ctx, cue)
            if _CODE_REF_RE.match(scene) or SDK_WORD_END_RE.search(scene.strip()) or ctx.names.known(scene.strip()) \
                    or not _GENERAL_SCENE_RE.sub("", scene.translate(T2S)).strip(" ,，、"):
                scene = ""  # a reference to code, or the SDK that needs it ("地图SDK需要使用网络…"): no scene
            if previous and (_ANAPHOR_SCENE_RE.match(scene.strip().translate(T2S))
                             or (not scene.strip() and _ANAPHOR_OPENS_RE.match(sentence.translate(T2S)))):
                scene = previous  # "为了提供定位服务，…。该功能需要用户授权…位置": the use the sentence before gave
            elif not scene.strip() and clause_before:
                scene = clause_before  # "当您需要发送语音或视频；我们需要获取您的麦克风权限": the moment the
                # clause before the semicolon gave
            elif prior and _ANAPHOR_END_RE.search(scene.strip().translate(T2S)):
                scene = prior  # "…可参与授课老师的互动教学。参与这些互动需要获取您的麦克风…": the feature the
                # sentence before described, which gave no purpose
            out.append((scene.strip(" ,，"), desc.strip(" ,，"), part))
        previous = said or previous
        # a clause closed by a semicolon, whose moment or purpose the next one's permission serves
        opened = _WHEN_CLAUSE_RE.match(sentence)
        clause_before = ((opened.group(1) if opened else "") or moment(sentence) or said) \
            if sentence.rstrip().endswith(("；", ";")) else ""
        prior = re.split(r"[，,；;]", _PRIOR_MARK_RE.sub("", sentence).strip(" ,，。."))[-1].strip()  # (its last
        # clause, where the feature stands: "…，作答形式支持学生选择答案、输入文字和拍照上传图片")
    return out


_DEFINITION_GOES_ON_RE = re.compile(r"\s*(?:如|例如|比如|即|可能|可|包括|并|且|以下|此|该|这|也|或|等|从而|进而|允许|关闭|拒绝|"
                                    r"撤回|取消|若|如果|"
                                    r"e\.g\.|such as|including|which|and|or|it|this)", re.IGNORECASE)
"""A clause that goes on with a permission's system description ("允许程序访问网络连接，可能产生GPRS流量", "…，如SD卡上
写文件"), adds to it, or says what turning it off does ("关闭此授权，…"), rather than saying what the app uses it for."""
MAX_DEFINED_USE = 40
"""Display width of the clause of use after a permission's system description (longer: a sentence of its own)."""


def _use_after_definition(group: list[str], ctx: Context, cue: bool) -> str:
    """The use said bare after a permission's system description, the clause right after it ("允许应用直接拨打电话，
    方便联系客服", "允许应用通过网络或卫星对设备进行定位，优化门店推荐"): what the app asks it for, the way a list
    of the store's permission descriptions each followed by its use is written; "" when the group opens
    otherwise, or the next clause names a permission, goes on with the description, or is a sentence of its own."""
    at = next((k for k, c in enumerate(group) if ctx.lexicon.permissions_in(c, prose=True, verbal=not cue)), None)
    if at is None or at + 1 >= len(group) or not PERMISSION_DEFINITION_RE.match(group[at]) \
            or any(c in group[at] for c in ":："):
        return ""  # (a description ending in a colon gives its use after the colon, in the same clause)
    use = group[at + 1].strip().rstrip("，,；;。.")
    if not use or width(use) > MAX_DEFINED_USE or _DEFINITION_GOES_ON_RE.match(use) or _WHEN_OPENS[1].match(use) \
            or ctx.lexicon.permissions_in(use, prose=True, verbal=not cue) or REFUSAL_RE.search(use):
        return ""
    return use


_WHEN_CLAUSE_RE = re.compile(r"^\s*(?:当|在)(?:您|你)\s*(.{2,80}?)\s*[；;]\s*$")
"""A clause of the moment the user acts, closed by a semicolon ("当您需要发送语音或视频、进行音视频通话；"): what
the permission in the clause after it serves."""
_LIST_LEAD_RE = re.compile(r"\b(?:including|such as|like|e\.g\.?|for example)\s*:?\s*(?:\S+\s*)?$", re.IGNORECASE)
"""A purpose cut at the first comma of the list it leads into ("…functions including emoji")."""


def _list_end(part: str, start: int) -> int:
    """Where the list going on from ``start`` ends: the end of its sentence or clause group (a period, a
    semicolon, a bracket closing what it stood in)."""
    m = _LIST_END_MARK_RE.search(part, start)
    return m.start() if m else len(part.rstrip())


_LIST_END_MARK_RE = re.compile(r"[.;。；)）](?:\s|$)|[.;。；]$")


_FORWARD_RE = re.compile(r"(?:如下|以下|下列|下述)(?:的)?(?:功能|服务|业务|场景|目的)|\bthe following\b|\bbelow\b",
                         re.IGNORECASE)
"""A purpose that points to what follows ("为了提供包括但不限于如下功能"): the features stand after the colon."""
_AFTER_COLON_RE = re.compile(r"[:：]\s*([^。；;.!?！？]{2,80})")
_ANAPHOR_END_RE = re.compile(r"(?:这些|这个|这项|此项|该项|上述)(?:互动|功能|服务|过程|操作|场景|业务)$")
"""A scene that only points back ("参与这些互动", "这个过程"): the feature is the sentence before's."""
_PRIOR_MARK_RE = re.compile(r"^\s*(?:[a-zA-Z][.)）、]|[(（]?\d{1,3}[.)）、]|[-*•·●])\s*")
"""An item's marker before that sentence ("a.", "1、"): no word of the feature."""


_GENERAL_SCENE_RE = re.compile(r"特定|相关|部分|某些|对应|上述|各项|功能|服务|业务|产品|或|和|及|与|时|使用|的|您|你|正常|我们|更好"
                               r"|体验|提供|给|带来|为|向|实现|保障|保证|确保|还|也|都|将|会|可能|如|若|在")
"""Words of a purpose that names no feature ("为实现特定功能或服务时使用", "为了给您带来更好的服务"): a scene made
only of them is none."""
_ANAPHOR_SCENE_RE = re.compile(r"^(?:该|此|这|这个|这项|该项|此项|上述)(?:功能|服务|操作)?$|^(?:this|that|it|these)"
                               r"(?: feature| function| service)?$", re.IGNORECASE)
_ANAPHOR_OPENS_RE = re.compile(r"^\s*(?:该|此|这|这些|该项|此项|上述)|^\s*(?:this|that|it|these)\b", re.IGNORECASE)
"""A sentence about the use the one before it named ("该功能需要…", "这需要…", "This requires…")."""


_CODE_REF_RE = re.compile(r"\s*[\[`]|\s*[A-Za-z_]\w*(?:\.\w+)+\b")
"""A purpose clause that is a reference to code ("required for [WifiManager.getNetworkSuggestions][…]", "for
`Camera.open`"): no scene."""


_SUBJECT_RE = re.compile(r"^\s*(?:SDK)?\s*(?:(?:需要|会|将|可能会|需|会通过|需要通过)\s*(?:收集|获取|采集|通过|读取|使用|访问)"
                         r"|(?:需要|需)\s*(?:[，,：:]|此|该|这|本)|(?:需要|需)$)")
"""What follows an SDK that is the subject of a sentence saying it collects ("友盟+SDK需要收集您的…") or needs the
permission an item is about ("腾讯推送SDK需要，用于接收推送消息", "X SDK需要此权限")."""


def collecting_subjects(doc: Document, structures: list[Structure], ctx: Context) -> list[Structure]:
    """SDKs that a permission item's text names as what collects ("1. 读取设备状态：友盟+SDK需要收集您的设备
    识别码…", "…集成友盟+SDK,友盟+SDK需要收集…"): a catalog name right before words saying it needs or
    collects something. Read only in the lines of those permission structures; one prose row per SDK."""
    out: list[Structure] = []
    seen: set[str] = set()
    for structure in structures:
        for k in range(structure.first, structure.last + 1):
            text = doc.lines[k].text
            for start, end, span in ctx.names.spot(text):
                key = ctx.names.resolve_exact(span)
                if key is None or key in seen or not _SUBJECT_RE.match(text[end:]):
                    continue
                seen.add(key)
                name = text[start:end] + ("SDK" if text[end:end + 3].upper() == "SDK" else "")
                out.append(Structure(ExtractorKind.PROSE, k, k, CONFIDENCE,
                                     sdks=(SdkClaim(RowFacts(name=name, data=text), k, k),)))
    return out

