/**
 * Death counts stated in a text. Unknown stays unknown (null), never 0, unless the text says nobody died.
 * Approximate counts take their round value ("une dizaine" = 10) and plurals of them the conservative
 * reading ACLED uses ("dozens" = 12, "hundreds" = 100); "plusieurs"/"several" carries no number and
 * stays unknown rather than being guessed.
 */
import { foldKeepLength } from "./normalize";
import { SPEECH_VERBS } from "./speech";

export interface FatalityMention {
  start: number;
  end: number;
  count: number;
}

const UNITS: Record<string, number> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40,
  cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000,
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000,
};
const APPROXIMATE: Record<string, number> = {
  dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50,
  soixantaine: 60, centaine: 100, dizaines: 12, centaines: 100, dozen: 12, dozens: 12, scores: 20, hundreds: 100,
};

const APPROX_WORD = "(?:(?:une|des|a|some)\\s+)?(?:dizaines?|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaines?|dozens?|scores|hundreds)(?![\\p{L}])";
// Chains of digit groups and of number words are capped (8 groups is 10^27; "trois cent quatre-vingt-dix-neuf"
// is 5 words): unbounded, each start inside "1 000 000 000 ..." or "vingt-deux vingt-deux ..." re-reads the
// whole chain, which costs the square of its length.
const DIGITS = "(?:\\d{1,3}(?:[\\u00a0\\u202f .,]\\d{3}){1,8}|\\d+)(?![\\d\\p{L}])";
const WORDS =
  "(?:zero|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille|one|two|three|four|five|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred)" +
  "(?:[\\s-]+(?:et[\\s-]+|and[\\s-]+)?(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingts?|cents?|one|two|three|four|five|six|seven|eight|nine|hundred)){0,8}(?![\\p{L}])";
const NUMBER_WORD = `(?:${APPROX_WORD}|${DIGITS}|${WORDS})`;
const QUALIFIER = "(?:plusieurs|au moins|between|entre|pas moins de|plus d[e']|pres d[e']|environ|quelque|at least|more than|nearly|about|around|some|over|up to|jusqu'a)?\\s*";
// "douze volontaires pour la défense de la patrie (VDP) ont été tués": a long name, maybe with its acronym.
// An aside between commas may break down the count ("Ten civilians, including four auxiliaries, were killed").
const NOUNS = "(?:\\(?[\\p{L}'’]+\\)?[\\s-]+|\\(\\d+\\)\\s+){0,11}?(?:[\\p{L}'’]+,\\s+(?:including|dont|among them|y compris|notamment)(?:\\s+[\\p{L}'’\\d]+){1,6}?,\\s+(?:[\\p{L}'’]+\\s+){0,3}?)?";
// "massacrés" folds to the noun "massacres": counted only with its auxiliary ("trois massacres" are no dead).
const DEATH_AFTER = "(?:(?:ont ete |a ete |were |was |have been )(?:massacres|massacred)|(?:ont ete |a ete |were |was |have been )?(?:executes|executees|executed|assassines|assassinees|murdered|egorges|egorgees|shot dead)|morts?|tues?|tuees?|neutralises|deces|decedes?|victimes? mortelles?|corps|cadavres|ont peri|ont ete tue(?:e|s|es)?|ont ete neutralises|ont ete abattus|were neutrali[sz]ed|a ete tue(?:e)?|ont perdu la vie|a perdu la vie|ont trouve la mort|a trouve la mort|killed|dead|died|deaths|fatalities|bodies|were killed|was killed|lost their lives|have been killed|have died|people dead)";
const DEATH_BEFORE = "(?:(?:the |la |le |l')?(?:killings? of|murders? of|deaths? of|meurtres? de|assassinats? de|mort de|neutralisation d[e'])|neutraliser|tuant|tue|tuee|tues|ont tue|a tue|cout[ée] la vie a|coutant la vie a|killing|killed|claimed the lives of|(?:death )?toll (?:of|rose to|rises to|climbs to|has risen to|stands at|stood at|at|is|was|reached)(?: reportedly| now| provisionally)?|(?:s'est )?alourdi a|s'alourdit a|execute|executant|executed|massacrant|massacred|abattu|abattant|shot dead|neutralise|neutralisant|ont neutralise)";

const AFTER_RE = new RegExp(`\\b${QUALIFIER}(${NUMBER_WORD})\\s+${NOUNS}${DEATH_AFTER}\\b`, "gu");
// "cinq soldats et huit assaillants ont été tués": a second group inside the first one's span.
const NEXT_GROUP_RE = new RegExp(`(?:,|\\bet|\\band)\\s+${QUALIFIER}(${NUMBER_WORD})\\s+\\p{L}`, "gu");
// A number inside the noun phrase that no "et" joins starts the real count ("Un élu parle de six morts").
const INNER_NUMBER_RE = new RegExp(`(?<![\\p{L}])(${NUMBER_WORD})\\s`, "gu");
// "Un engin explosif a tué deux soldats": before an active verb the number counts the killers, not the dead.
const ACTIVE_VERB_BEFORE = /\b(?:a|ont|avait|avaient|has|have|had)\s+$/;
// Only an active form takes an object ("killed 12", "a tué 12"); never across a line or a stop.
const NUMBER_AFTER_VERB = new RegExp(`^[ \\t]+${QUALIFIER}(?:${NUMBER_WORD})\\s`, "u");
const ACTIVE_FORM = /(?:killed|tue)$/;
const BEFORE_RE = new RegExp(`\\b${DEATH_BEFORE}\\s+["«“]?\\s*${QUALIFIER}(${NUMBER_WORD})(?:\\s+(\\p{L}+))?`, "gu");
const NONE_RE = /\b(sans faire de (victimes?|morts?|blesses?)|aucune? (victime|mort|perte en vie humaine)|pas de (victime|mort|perte)|n'a fait aucune victime|ni mort ni blesse|no (casualties|deaths|fatalities|one was (killed|hurt|injured))|nobody was (killed|hurt)|without (casualties|causing casualties))\b/g;
// Numbers that count the wounded, the captured or the missing are not deaths.
const NOT_DEATHS = /^(blesses?|blessees?|disparus?|otages?|enleves?|wounded|injured|missing|hostages?|abducted|kidnapped|prisonniers?|captured|arrested|interpelles?|personnes? (blessees?|enlevees?))/;

const CUMULATIVE_BEFORE = /\b(?:porte a|portant a|portent a|bringing|brings|bring|raising|raises|pushing|au total|in total|total de|a total of|cumul\w*|bilan global|overall toll|overall)\s+(?:le nombre de |the number of |the toll to |to )?(?:\S+\s+){0,3}$/;
// "depuis 2015, faisant à ce jour plus de 500 morts", "as of August 31, mines had caused 72 deaths", "en
// moins de deux semaines, trente-quatre civils ont été tués": a sum over a period.
const CUMULATIVE_CLAUSE = /\b(?:a ce jour|jusqu'ici|jusqu'a present|as of|so far|to date|depuis (?:19|20)\d\d|since (?:19|20)\d\d|depuis le debut|since the (?:start|beginning)|en (?:moins de |l'espace de |plus de )?(?:deux|trois|quatre|\d+|quelques) (?:jours|semaines|mois)|in (?:less than |just |over )?(?:two|three|four|\d+|a few) (?:days|weeks|months)|over the (?:past|last) (?:two|three|four|\d+|few) (?:days|weeks|months))\b[^.;]{0,60}$/;
// No single event of the region has killed a thousand people: a figure that large is a running total.
const RUNNING_TOTAL = 1000;
const CUMULATIVE_AFTER = /^[^.;]{0,30}?\b(?:depuis|since|so far|to date|au total|in total|this year|cette annee|l'an dernier|last year|en (?:19|20)\d\d|in (?:19|20)\d\d|over the past|over the last|au cours des (?:derni|\d)|ces dernier\w+|in recent (?:years|months)|each year|par an|chaque annee)\b/;
// "killed 22, less than a week after gunmen killed 58 villagers", "deux jours après l'attaque qui avait fait
// 20 morts": a toll inside a clause that dates this event by an earlier one is that earlier event's.
// "After killing" is the same event told on.
const EARLIER_BEFORE = /\b(?:after|following|apres|suite a|a la suite d[eu']?|au lendemain d[eu']?|since|depuis)\s+[^,.;:()]{0,60}$/;
const SAME_EVENT_AFTER = /\b(?:after|apres)\s+(?:having\s+|avoir\s+)?$/;
// "three days after militants killed", "three sources said that gunmen killed": a count of days or of
// sources, before a clause-opening word, is no count of dead.
const NOT_A_NOUN_PHRASE = new RegExp(
  String.raw`^\s*(?:days?|jours?|weeks?|semaines?|months?|mois|hours?|heures?|sources?|officials?|responsables?|temoins?|witnesses)?\s*(?:after|before|since|when|while|apres|avant|depuis|lorsque|quand|that|according|selon|qu'|que\b|${SPEECH_VERBS})\b`,
  "u",
);
const MONTH = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec";
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH})\\.?\\s*$`);
const MONTH_AFTER = new RegExp(`^\\s*(?:er\\s+)?(?:${MONTH})\\b`);

/** "June 30", "le 30 juin": a day of the month, not a count. */
function isDatePart(folded: string, start: number, length: number): boolean {
  if (!/^\d{1,2}$/.test(folded.slice(start, start + length))) return false;
  return MONTH_BEFORE.test(folded.slice(Math.max(0, start - 12), start)) || MONTH_AFTER.test(folded.slice(start + length, start + length + 14));
}

/** The value of a number written in digits or words ("douze", "vingt-deux", "twenty-one", "1 200"). */
export function parseNumber(phrase: string): number | null {
  const text = foldKeepLength(phrase).trim();
  if (/^\d/.test(text)) {
    const n = Number(text.replace(/[\s  .,]/g, ""));
    return Number.isFinite(n) ? n : null;
  }
  const approx = /(dizaines?|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaines?|dozens?|scores|hundreds)$/.exec(text);
  if (approx) return APPROXIMATE[approx[1]!] ?? null;
  let total = 0;
  let current = 0;
  let seen = false;
  const words = text.split(/[\s-]+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === "et" || word === "and") continue;
    let value = UNITS[word];
    if (word === "quatre" && /^vingts?$/.test(words[i + 1] ?? "")) {
      value = 80;
      i++;
    }
    if (value === undefined) return seen ? total + current : null;
    seen = true;
    if (value === 100) current = (current || 1) * 100;
    else if (value === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += value;
  }
  return seen ? total + current : null;
}

/**
 * Whether a toll of the same sentence ends before `at`. Mentions are in text order; only those within a
 * sentence's reach are looked at, so a text dense with tolls costs linear time.
 */
function tollBefore(mentions: FatalityMention[], index: number, at: number, folded: string): boolean {
  for (let j = index - 1; j >= 0; j--) {
    const y = mentions[j]!;
    if (y.end < at - 400) return false;
    if (y.end <= at && !/[.!?]\s/.test(folded.slice(y.end, at))) return true;
  }
  return false;
}

/** Death counts in a text with offsets; a "no casualties" statement is a count of 0. */
export function findFatalities(text: string, folded = foldKeepLength(text)): FatalityMention[] {
  const mentions: FatalityMention[] = [];
  AFTER_RE.lastIndex = 0;
  for (let m = AFTER_RE.exec(folded); m; m = AFTER_RE.exec(folded)) {
    const count = parseNumber(m[1]!);
    if (count === null || count > 100000) continue;
    // "les deux morts" after a date number ("le 17 mai 3 morts") is fine; a year is not a count.
    if (count >= 1900 && count <= 2100) continue;
    const numberAt = m.index + m[0].indexOf(m[1]!);
    if (isDatePart(folded, numberAt, m[1]!.length)) {
      // Retry right after the day number: "on July 12 left two people dead" still has a toll.
      AFTER_RE.lastIndex = numberAt + m[1]!.length;
      continue;
    }
    let verbAt = m.index + m[0].length;
    while (verbAt > m.index && /[a-z]/.test(folded[verbAt - 1]!)) verbAt--;
    if (/^(?:tue|tues|tuee|tuees|neutralises|killed)$/.test(folded.slice(verbAt, m.index + m[0].length)) && ACTIVE_VERB_BEFORE.test(folded.slice(Math.max(0, verbAt - 8), verbAt))) {
      AFTER_RE.lastIndex = numberAt + m[1]!.length;
      continue;
    }
    const inner = folded.slice(numberAt + m[1]!.length, m.index + m[0].length);
    // "the two attacks killed 12 people": a number after the verb counts the dead, the one before the killers.
    const activeObject = ACTIVE_FORM.test(m[0]) && NUMBER_AFTER_VERB.test(folded.slice(m.index + m[0].length, m.index + m[0].length + 30));
    if (NOT_A_NOUN_PHRASE.test(inner) || activeObject) {
      AFTER_RE.lastIndex = numberAt + m[1]!.length;
      continue;
    }
    INNER_NUMBER_RE.lastIndex = 0;
    let restart = -1;
    for (let n = INNER_NUMBER_RE.exec(inner); n; n = INNER_NUMBER_RE.exec(inner)) {
      if (!/(?:,|\bet|\band|\bdont|\bincluding)\s+(?:\S+\s+)?$/.test(inner.slice(0, n.index))) restart = n.index;
    }
    if (restart >= 0) {
      AFTER_RE.lastIndex = numberAt + m[1]!.length + restart;
      continue;
    }
    // Groups joined by "et" in one phrase each count: the first ends where the second begins.
    const groups: { at: number; count: number }[] = [{ at: m.index, count }];
    const span = folded.slice(numberAt + m[1]!.length, m.index + m[0].length);
    NEXT_GROUP_RE.lastIndex = 0;
    for (let g = NEXT_GROUP_RE.exec(span); g; g = NEXT_GROUP_RE.exec(span)) {
      const value = parseNumber(g[1]!);
      if (value !== null && value < 100000) groups.push({ at: numberAt + m[1]!.length + g.index, count: value });
    }
    groups.forEach((g, i) => mentions.push({ start: g.at, end: groups[i + 1]?.at ?? m!.index + m![0].length, count: g.count }));
  }
  BEFORE_RE.lastIndex = 0;
  for (let m = BEFORE_RE.exec(folded); m; m = BEFORE_RE.exec(folded)) {
    const count = parseNumber(m[1]!);
    if (count === null || count > 100000 || (count >= 1900 && count <= 2100)) continue;
    const following = folded.slice(m.index + m[0].length - (m[2]?.length ?? 0), m.index + m[0].length + 30);
    if (NOT_DEATHS.test(following.trim())) continue;
    if (mentions.some((x) => x.start < m!.index + m![0].length && m!.index < x.end)) continue;
    mentions.push({ start: m.index, end: m.index + m[0].length, count });
  }
  // "plus de 10 000 morts depuis 2012", "porte à 200 le nombre de tués": a running total, not one event's toll.
  mentions.sort((a, b) => a.start - b.start);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const x = mentions[i]!;
    const from = Math.max(0, x.start - 70);
    const before = folded.slice(from, x.start);
    const earlier = EARLIER_BEFORE.exec(before);
    // Only when the sentence gave its own event's toll first: alone, "suite à l'attaque qui a coûté la vie à
    // 12 civils" is how the article tells the event it is about.
    const ownTollFirst = !!earlier && tollBefore(mentions, i, from + earlier.index, folded);
    if (ownTollFirst && !SAME_EVENT_AFTER.test(before)) {
      mentions.splice(i, 1);
      continue;
    }
    if (x.count >= RUNNING_TOTAL || CUMULATIVE_CLAUSE.test(before) || CUMULATIVE_BEFORE.test(`${folded.slice(Math.max(0, x.start - 40), x.start).trimEnd()} `) || CUMULATIVE_AFTER.test(folded.slice(x.end, x.end + 60))) mentions.splice(i, 1);
  }
  NONE_RE.lastIndex = 0;
  for (let m = NONE_RE.exec(folded); m; m = NONE_RE.exec(folded)) {
    mentions.push({ start: m.index, end: m.index + m[0].length, count: 0 });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * The deaths of one sentence: separate groups add up ("3 soldats et 2 civils tués"), but a total
 * followed by its breakdown ("12 morts dont 5 soldats") counts once.
 */
export function sentenceFatalities(mentions: FatalityMention[], foldedSentence: string): number | null {
  if (mentions.length === 0) return null;
  const counts = mentions.map((m) => m.count);
  if (/\b(dont|parmi (eux|lesquels|elles)|including|among them|of whom)\b/.test(foldedSentence)) return Math.max(...counts);
  return counts.reduce((a, b) => a + b, 0);
}

const SPLIT_DEATHS = /\b(?:morts?|tues?|tuees?|victimes?|deces|killed|dead|deaths|died|lost their lives|perdu la vie)\b/;
const NOT_DEAD_BETWEEN = /\b(?:bless\w*|wounded|injured|otages?|hostages?|enleve\w*|abducted|disparus?|missing|attaques?|attacks?)\b/;

/**
 * The deaths a sentence gives for one place of a total it splits ("12 morts, dont 3 à Kayes", "five
 * killed in Diboli"), or null when it gives none for that place.
 */
export function tollAtPlace(foldedSentence: string, foldedPlace: string): number | null {
  if (!SPLIT_DEATHS.test(foldedSentence) || !foldedPlace) return null;
  const escaped = foldedPlace.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(?<![\\p{L}\\d])(${NUMBER_WORD})\\s+((?:[\\p{L}'’]+\\s+){0,3}?)(?:a|au|aux|in|at)\\s+${escaped}(?![\\p{L}])`, "gu");
  for (let m = re.exec(foldedSentence); m; m = re.exec(foldedSentence)) {
    // "une position à Mondoro": an article, not a count.
    if (NOT_DEAD_BETWEEN.test(m[2] ?? "") || /^(?:une?|an?)$/.test(m[1]!)) continue;
    const count = parseNumber(m[1]!);
    if (count !== null && count < 100000 && !(count >= 1900 && count <= 2100)) return count;
  }
  return null;
}
