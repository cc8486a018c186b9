/**
 * Event classification with ACLED's taxonomy (lib/incidents/taxonomy.ts). Keyword rules in French and
 * English find trigger phrases; `decideEventType` then picks one type for a group of triggers the way an
 * ACLED coder would: a bomb is Explosions/Remote violence whoever it hits, an attack on civilians with no
 * armed opponent is Violence against civilians, an attack on soldiers or with state forces present is a
 * Battle, and strategic developments only when nothing violent happened.
 */
import type { EventType, SubEventType } from "../incidents/taxonomy";

export type TriggerKind =
  | "explosion"
  | "territory"
  | "clash"
  | "attack"
  | "kill"
  | "abduction"
  | "sexual"
  | "riot"
  | "mob"
  | "protest"
  | "strategic";

export interface TriggerRule {
  /** Stable name, also the "frame" used to recognise two mentions of the same development. */
  id: string;
  kind: TriggerKind;
  eventType: EventType;
  subEventType: SubEventType;
  pattern: RegExp;
  /** Higher wins among triggers of the same kind. */
  priority: number;
}

export interface TriggerMatch {
  rule: TriggerRule;
  start: number;
  end: number;
  /** "des attaques", "les patrouilles": a plural with an indefinite or generic reading. */
  plural: boolean;
  /** "cette visite", "this attack": refers back to something already reported. */
  anaphoric: boolean;
}

export interface EventDecision {
  eventType: EventType;
  subEventType: SubEventType;
  rule: TriggerRule;
}

function rule(id: string, kind: TriggerKind, eventType: EventType, subEventType: SubEventType, source: string, priority = 0): TriggerRule {
  return { id, kind, eventType, subEventType, pattern: new RegExp(`\\b(?:${source})\\b`, "g"), priority };
}

// Patterns run on folded text (lower case, no accents).
export const TRIGGER_RULES: readonly TriggerRule[] = [
  rule("suicide", "explosion", "Explosions/Remote violence", "Suicide bomb", "kamikazes?|attentats?[- ]suicides?|suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|car bomb)|vehicule piege conduit par", 6),
  rule("ied", "explosion", "Explosions/Remote violence", "Remote explosive/landmine/IED", "engins? explosifs?(?: improvises?)?|eei|ied|ieds|mines? (?:artisanales?|antipersonnel|anti-?char)|saute sur une mine|sautee sur une mine|heurte une mine|mine terrestre|landmines?|roadside bombs?|explosive devices?|improvised explosive|vehicules? piege|car bomb", 5),
  rule("blast", "explosion", "Explosions/Remote violence", "Remote explosive/landmine/IED", "explosions?|a explose|ont explose|exploded|blasts?|sur une mine", 0),
  rule("airstrike", "explosion", "Explosions/Remote violence", "Air/drone strike", "frappes? aeriennes?|frappes? de drones?|frappes? par drones?|raids? aeriens?|bombardements? aeriens?|drones? armes?|airstrikes?|air strikes?|air raids?|drone strikes?|drone attacks?|aerial bombardments?|vecteurs? aeriens?|neutralises? par (?:des )?(?:frappes?|drones?)", 4),
  rule("shelling", "explosion", "Explosions/Remote violence", "Shelling/artillery/missile attack", "obus|bombardements?|bombarde(?:e|es|s)?|pilonnages?|pilonne(?:e|es|s)?|tirs? de mortiers?|mortiers?|roquettes?|tirs? d'artillerie|artillerie|shelling|shells|mortar(?:s| fire| rounds)?|rockets?|artillery|missiles?", 3),
  rule("grenade", "explosion", "Explosions/Remote violence", "Grenade", "grenades?", 2),
  rule("regain", "territory", "Battles", "Government regains territory", "repris le controle|reprennent le controle|reprise de (?:la ville|la localite|kidal|la base|la position)|ont repris (?:la ville|la localite|la base)|regained control|retook|recaptured|retaken", 2),
  rule("overtake", "territory", "Battles", "Non-state actor overtakes territory", "(?:s'est|se sont|s'etaient) empares? d[eu']|ont pris le controle|a pris le controle|pris le controle de la ville|seized (?:control of )?the (?:town|city|base|camp)|took control of|overran|captured the (?:town|city|base|camp)", 1),
  rule("clash", "clash", "Battles", "Armed clash", "affrontements?|combats?|accrochages?|echanges? de tirs|embuscades?|(?:ont|a|avaient|s'est|se sont) affrontes?|affrontent|affrontant|clash(?:es|ed)?|fighting|fought|gunfights?|firefights?|ambush(?:ed|es)?|exchange of fire|heurts? armes?", 2),
  rule("attack", "attack", "Battles", "Armed clash", "attaques?|attaque(?:nt|r)?|attaquees?|s'en (?:sont|est|etaient|etait) pris(?:e|es)? a|ont attaque|a attaque|assauts?|offensives?|incursions?|raids?|assailli|pris pour cibles?|prise pour cible|prises pour cible|pris(?:e|es)? a partie|neutralises?|neutralisant|ont neutralise|neutralized|attack(?:s|ed|ing)?|assault(?:s|ed)?|stormed|raided|attentats?|ont ouvert le feu|a ouvert le feu|opened fire|fusillades?|coups de feu|tirs nourris|mitraill(?:e|es|ee|ees|ant|age)|shootings?|gunfire|gunmen fired", 1),
  rule("kill", "kill", "Violence against civilians", "Attack", "tues?|tuees?|tuant|massacres?|massacrant|executes?|executees?|executions?|egorges?|egorgees?|assassinats?|assassines?|assassinee?s?|abattus?|abattues?|tueries?|carnages?|cout[ée] la vie|coutant la vie|killed|killing|killings|massacred|executed|murdered|shot dead|shot and killed|beheaded", 1),
  rule("assault", "kill", "Violence against civilians", "Attack", "agresse(?:e|es|s)?|agressions? (?:physiques?|armees?)|passes? a tabac|passee?s? a tabac|roues? de coups|molestes?|molestees?|tortures?|torturees?|fouettes?|fouettees?|assaulted|beaten|beat up|tortured|whipped|flogged", 0),
  rule("abduction", "abduction", "Violence against civilians", "Abduction/forced disappearance", "enlevements?|enleves?|enlevees?|enleve|kidnappings?|kidnappes?|kidnappees?|sequestres?|sequestrees?|kidnapped|abducted|abductions?|rapts?|pris en otage|prises? d'otages?|otages?|hostages?|disparitions? forcees?|forcibly disappeared", 2),
  rule("sexual", "sexual", "Violence against civilians", "Sexual violence", "viols?|violees?|violences? sexuelles?|raped?|rapes|sexual violence|sexual assault", 3),
  rule("mob", "mob", "Riots", "Mob violence", "lynchages?|lynches?|lynched|vindicte populaire|justice populaire|mob (?:justice|violence|attack)|angry mob", 2),
  rule("riot", "riot", "Riots", "Violent demonstration", "emeutes?|emeutiers|riots?|rioters|rioting|rioted|manifestants? (?:ont )?(?:incendie|saccage|brule)|saccage|violent (?:protests?|demonstrations?)", 1),
  rule("protest", "protest", "Protests", "Peaceful protest", "manifestations?|manifestants?|manifeste(?:nt)?|ont manifeste|a manifeste|une marche|la marche|marche pacifique|marches? de protestation|ont marche|a marche|sit-in|rassemblements?|protestataires|greves?|se sont rassembles|sont descendus dans la rue|protests?|protested|protesters|demonstrations?|demonstrators|demonstrated|marched|rall(?:y|ies|ied)|took to the streets|general strikes?|on strike|strike action", 1),
  rule("arrest", "strategic", "Strategic developments", "Arrests", "arretes?|arretees?|arrestations?|interpelles?|interpellees?|interpellations?|apprehendes?|mis aux arrets|interceptes?|interceptees?|ont intercepte|a intercepte|arrested|intercepted|arrests?|detained|apprehended|taken into custody", 7),
  rule("agreement", "strategic", "Strategic developments", "Agreement", "accords?(?: technique| militaire| de paix| de cooperation| de defense| de cessez-le-feu| cadre)?(?: [a-z-]+)? signes?|signe(?:nt|r)?(?: (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|dernier|hier|ce|officiellement|recemment|conjointement))* (?:un|une|des|l') ?(?:[a-z-]+ )?(?:accords?|protocoles?|memorandums?|conventions?)|accords? de paix|cessez-le-feu|treve|protocoles? d'accord|memorandums? d'entente|signed (?:an? |the )?(?:[a-z-]+ )?(?:agreements?|deals?|memorandums?|accords?)|agreements? (?:was |were )?signed|ceasefires?|peace (?:deal|agreement|accord)|truce", 6),
  rule("robbery", "strategic", "Strategic developments", "Looting/property destruction", "braquages?|braque(?:nt|r)?|braquee?s?|vols? a main armee|cambriol(?:age|ages|e|es|ee|ees)|rackets?|racketes?|robbed|robbery|robberies|hold-?ups?", 3),
  rule("looting", "strategic", "Strategic developments", "Looting/property destruction", "pillages?|pilles?|pillee?s?|incendies?|incendiees?|incendie|brules?|brulees?|vols? de betail|emporte (?:du|le|des) betail|emporte des? (?:vivres|biens|motos)|detruits?|detruites?|looted|looting|torched|burned|burnt|set (?:on )?fire|set ablaze|destroyed|cattle (?:rustling|theft)", 3),
  rule("disrupted", "strategic", "Strategic developments", "Disrupted weapons use", "desamorces?|desamorcee?s?|neutralise (?:un|des|deux) engins?|saisies? d'armes|caches? d'armes|defused|weapons? caches?|seized weapons|disarmed", 5),
  rule("base", "strategic", "Strategic developments", "Headquarters or base established", "(?:installe|ouvert|etabli|cree|implante)e? (?:une|un|sa|son|leur) (?:nouvelle |nouveau )?(?:base|camp|poste)(?: militaire| avance)?|nouvelle base|nouveau camp militaire|(?:set up|established|opened|installed|built) (?:a |an |its |their )?(?:new )?(?:military |forward )?(?:base|camp|outpost|headquarters)", 4),
  rule("transfer", "strategic", "Strategic developments", "Non-violent transfer of territory", "retrocession|retroced(?:e|ee)|remis (?:aux|a l')|passation (?:du|de la|des) (?:camp|base|emprises?)|handed over (?:the )?(?:camp|base)|handover of (?:the )?(?:camp|base)|withdrew from (?:the )?(?:camp|base)", 4),
  rule("deployment", "strategic", "Strategic developments", "Change to group/activity", "patrouilles? (?:conjointes?|mixtes?)|patrouilles?|deploie(?:nt)?|deploiements?|deployes?|deployees?|operations? (?:conjointes?|militaires?|de securisation|de ratissage)|ratissages?|renforts?|joint (?:patrols?|operations?)|patrols?|deploy(?:ed|s|ment|ments)?|military operations?|reinforcements?", 2),
  rule("withdrawal", "strategic", "Strategic developments", "Other", "retraits? (?:du|de la|des|de l')|se retire(?:nt)? d[eu']|quitte(?:r|nt)? (?:la|le) (?:cedeao|ecowas|g5)|withdr(?:ew|awal|aws|awn) (?:from|of)|left ecowas|exit from ecowas", 2),
  rule("visit", "strategic", "Strategic developments", "Other", "visites? (?:officielles?|de travail|d'amitie|de terrain)|visite|recu en audience|official visits?|visits?|visited", 1),
  rule("diplomatic", "strategic", "Strategic developments", "Other", "convoque (?:[a-z]+ )?(?:l'ambassadeur|le charge d'affaires)|rappele? (?:son|leur) ambassadeur|summoned (?:the|its) (?:ambassador|envoy|charge d'affaires)|recalled (?:its|the) ambassador", 2),
  rule("sanction", "strategic", "Strategic developments", "Other", "sanctions?|expulses?|expulsion|coup d'etat|putsch|coup attempt|military coup|dissous|dissolution|fermeture de la frontiere|closed the border|expelled", 1),
];

const PLURAL_BEFORE = /\b(des|les|aux|ces|de|d'|plusieurs|multiples?|nombreuses?|nombreux|frequentes?|repetees?|several|many|repeated|frequent|recent|series of|wave of|spate of)\s+(?:\p{L}+\s+)?$/u;
// "That" points back only right before the noun ("that attack"); "said that gunmen killed" opens a report.
const ANAPHORA_BEFORE = /\b(?:(?:cette|cet|ce|ces|ladite|lesdites|this|these|those|the same|la meme|le meme|cette derniere|ce dernier)\s+(?:\p{L}+\s+)?|that\s+)$/u;
// A trend word governing the trigger within two words: "recrudescence des attaques", "in response to attacks".
const GENERIC_BEFORE = /\b(recrudescence|multiplication|serie|vague|differentes|diverses|various|separate|hausse|montee|menaces?|lutte contre|face aux?|en reponse aux?|risques?|prevenir|contrer|planifier|preparer|evaluer|discuter d[eu']|envisager|renforcer|intensifier|coordonner|mutualiser|to plan|to discuss|to strengthen|to step up|planning|increase in|surge in|rise in|threat of|fight against|in response to|counter|combat contre|face a la|wave of|spate of|series of|depuis (?:le|la|l')|since the|took power in|seized power in|came to power in|pris le pouvoir (?:lors d'un|par un|a la faveur d'un|par)|arrives? au pouvoir (?:par|lors d'un|a la faveur d'un))\b[\s']+(?:[\p{L}']+\s+){0,2}(?:d'|l')?$/u;

// A past event named only as the object of a trial, a tribute or a condemnation ("le procès des auteurs de
// l'attaque", "hommage aux soldats tombés lors de l'attaque"): a reference back, not a new event.
const RETROSPECTIVE_BEFORE = /\b(proces|jugement|juges? pour|condamne\w*|condamnation|hommage|commemor\w*|anniversaire|memoire|souvenir|auteurs? (?:presumes? )?d[eu']|commanditaires? d[eu']|tombes? lors d[eu']|rescapes? d[eu']|trial|tried for|convicted|condemned|condemning|tribute|commemorat\w*|anniversary|memorial|perpetrators of|masterminds? of)\b[\s']*(?:\p{L}+(?:'|\s+)){0,4}$/u;

// "après l'attaque du camp de X", "in the wake of the attack", "quelques jours après deux autres attaques":
// a reference to an event told before or known already, the frame of what the sentence reports.
const AFTER_BEFORE = /\b(?:apres|after|suite a|a la suite d[eu']?|au lendemain d[eu']?|following|in the wake of|in the aftermath of|dans le contexte d'une?|in the context of)\s*(?:l'|la |le |les |the |ces |this |that |these |deux autres |d'autres |other |two other |une serie d'|a series of )$/;
// Weapons named after what they do: "fusils d'assaut", "assault rifles", "chars d'assaut".
const WEAPON_AROUND = /\b(?:fusils?|chars?|armes?|vehicules?) d'$/;
const WEAPON_AFTER = /^\s+(?:rifles?|weapons?|vehicles?|guns?)\b/;

/** Trigger phrases in a folded text (a clause or a sentence), with offsets relative to it. */
export function findTriggers(folded: string): TriggerMatch[] {
  const matches: TriggerMatch[] = [];
  for (const r of TRIGGER_RULES) {
    r.pattern.lastIndex = 0;
    for (let m = r.pattern.exec(folded); m; m = r.pattern.exec(folded)) {
      if (m[0].length === 0) {
        r.pattern.lastIndex++;
        continue;
      }
      const before = folded.slice(Math.max(0, m.index - 40), m.index);
      // "un arrêté interdisant...", "par arrêté préfectoral": a decree, not an arrest.
      if (r.id === "arrest" && /^arretes?$/.test(m[0]) && isDecree(before, folded.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
      if (/^(?:assauts?|assault)$/.test(m[0]) && (WEAPON_AROUND.test(before) || WEAPON_AFTER.test(folded.slice(m.index + m[0].length, m.index + m[0].length + 12)))) continue;
      matches.push({
        rule: r,
        start: m.index,
        end: m.index + m[0].length,
        plural: /s\b/.test(m[0].split(" ")[0]!) && PLURAL_BEFORE.test(before),
        anaphoric:
          (ANAPHORA_BEFORE.test(before) && !/\b(ce|cet|cette) (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|week-end)\s*$/.test(before)) ||
          RETROSPECTIVE_BEFORE.test(before) ||
          AFTER_BEFORE.test(before),
      });
    }
  }
  // Overlapping rules keep the longer phrase ("patrouilles conjointes" over "patrouilles"). The kept
  // matches are in text order and disjoint, so only the last one can overlap the next (linear, not square).
  matches.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: TriggerMatch[] = [];
  for (const match of matches) {
    const last = kept[kept.length - 1];
    if (!last || match.start >= last.end) kept.push(match);
  }
  return kept;
}

// "depuis le coup d'État de 2023", "seized power in a 2022 coup": a reference to the past, dated or not.
const BACKGROUND_BEFORE = /\b(depuis (?:le|la|les)|since the|took power in|seized power in|came to power in|pris le pouvoir (?:lors d'un|par un|a la faveur d'un|par)|arrives? au pouvoir (?:par|lors d'un|a la faveur d'un))\s+(?:[\p{L}']+\s+){0,2}$/u;
// A sentence about a trend or a cumulative toll, not one event.
const TREND = /\b(have increased|has increased|increased|on the rise|se sont multiplie\w*|se multiplient|en hausse|in recent years|ces dernieres annees|depuis plusieurs (?:annees|mois)|thousands|des milliers|hundreds of thousands|des centaines de milliers)\b/;

/** True when a trigger only refers back to a past situation ("depuis le coup d'État"). */
export function isBackgroundReference(foldedBefore: string): boolean {
  return BACKGROUND_BEFORE.test(foldedBefore.slice(-60));
}

// "Rappelons que...", "pour rappel", "en 2019 déjà", "il y a un an jour pour jour": a recap told for context.
const RECAP = /\b(rappelons que|pour rappel|en rappel|il (?:faut|convient de) rappeler|on se souvient|on se rappelle|il y a (?:un|deux|trois|\d+) ans?\b|jour pour jour|anniversaire|commemor\w*|deja en (?:19|20)\d\d|en (?:19|20)\d\d deja|as a reminder|it will be recalled|recall that|a year ago|years? ago|anniversary|back in (?:19|20)\d\d|in (?:19|20)\d\d,? already)\b/;

/** True when a sentence recalls earlier events for context. */
export function isRecapSentence(folded: string): boolean {
  return RECAP.test(folded);
}

/** True when a sentence describes a trend or a cumulative toll. */
export function isTrendSentence(folded: string): boolean {
  return TREND.test(folded);
}

const DECREE_BEFORE = /\b(?:un|une|l'|cet|cette|le|par|d'un|nouvel|nouveau|premier)\s*$/;
const DECREE_AFTER = /^\s*(?:n[°o]|no\.?\s*\d|ministeriel|prefectoral|interministeriel|municipal|du gouverneur|du ministre|du maire|portant|interdisant|instituant|fixant|reglementant|suspendant|pris le|signe|qui interdit|\d{4}-)/;

/** "Un arrêté interdisant la circulation": the noun names a decree; "ont été arrêtés" an arrest. */
export function isDecree(foldedBefore: string, foldedAfter: string): boolean {
  return DECREE_BEFORE.test(foldedBefore) || DECREE_AFTER.test(foldedAfter);
}

// Plans, talks and prevention ("pour planifier des opérations conjointes", "pour prévenir toute incursion",
// "to guard against any attack"): what may happen, not what happened.
const INTENT_BEFORE = /\b(planifier|preparer|envisager|evaluer|discuter d[eu']|mutualiser|coordonner|prevenir|parer a|se premunir contre|dissuader|eviter|contrer|faire face a|face a (?:toute?s?|d'eventuel\w*)|to plan|to prepare|to discuss|planning|plans? (?:to|for)|to prevent|prevent(?:ing)?|to guard against|guard(?:ing)? against|to deter|deter(?:ring)?|to counter|to ward off|in case of|against (?:any|possible|potential|future))\b[\s']*(?:\p{L}+(?:'|\s+)){0,3}$/u;

/** True when a trigger names a plan or a topic of talks rather than something that happened. */
export function isIntentContext(foldedBefore: string): boolean {
  return INTENT_BEFORE.test(foldedBefore.slice(-60));
}

// "faced allegations of carrying out deadly raids", "accusé de commettre des exactions": a charge about a
// record, not one event.
const ALLEGATION_BEFORE = /\b(?:allegations?|accusations?|accused|accuses|accuse\w*)\s+(?:of|d[e'])\s*(?:[\p{L}']+\s+){0,6}$/u;

// "une zone en proie aux attaques", "a region plagued by jihadist attacks": a state of a place, said of
// attacks in the plural; "marquée par une attaque" tells one.
const STATE_BEFORE = /\b(?:en proie (?:a|aux)|confronte\w* (?:a|aux)|plagued by|beset by|ravaged by|wracked by|racked by|rocked by|prone to|hit by repeated)\s+(?:[\p{L}']+\s+){0,2}$/u;

/**
 * True when the text around a trigger describes a trend rather than one event ("recrudescence des
 * attaques"); `plural` says the trigger itself is a plural ("attaques").
 */
export function isGenericContext(foldedBefore: string, plural = false): boolean {
  const before = foldedBefore.slice(-80);
  return GENERIC_BEFORE.test(before) || ALLEGATION_BEFORE.test(before) || (plural && STATE_BEFORE.test(before));
}

export interface EventContext {
  /** Civilian victims named (villageois, guide religieux, civilians...). */
  civilianVictims: boolean;
  /** State forces among the actors, or a military target named (poste, camp, soldats). */
  stateForces: boolean;
  /** A named or unidentified armed group among the actors. */
  armedGroup: boolean;
  /** Protesters or rioters. */
  crowd: boolean;
  /** Folded text of the incident's clauses, for protest sub-types. */
  folded: string;
  /** Someone was killed or wounded (a robbery without is no armed clash). */
  casualties?: boolean;
}

function best(triggers: TriggerMatch[], kind: TriggerKind): TriggerMatch | undefined {
  return triggers.filter((t) => t.rule.kind === kind).sort((a, b) => b.rule.priority - a.rule.priority)[0];
}

const RULE_BY_ID = new Map(TRIGGER_RULES.map((r) => [r.id, r]));

function decision(r: TriggerRule, eventType?: EventType, subEventType?: SubEventType): EventDecision {
  return { rule: r, eventType: eventType ?? r.eventType, subEventType: subEventType ?? r.subEventType };
}

/** One ACLED type and sub-type for the triggers of an incident, or null when none is violent or strategic. */
export function decideEventType(triggers: TriggerMatch[], ctx: EventContext): EventDecision | null {
  if (triggers.length === 0) return null;
  const kinds = new Set(triggers.map((t) => t.rule.kind));
  const explosion = best(triggers, "explosion");
  if (explosion) return decision(explosion.rule);
  const territory = best(triggers, "territory");
  if (territory) return decision(territory.rule);
  const sexual = best(triggers, "sexual");
  if (sexual) return decision(sexual.rule);
  // An armed robbery where shots are fired but nobody is hurt: looting, not a fight (ACLED).
  const robbery = triggers.find((t) => t.rule.id === "robbery");
  if (robbery && !ctx.casualties && !kinds.has("clash") && !kinds.has("kill") && !kinds.has("abduction")) return decision(robbery.rule);
  const violent = kinds.has("clash") || kinds.has("attack") || kinds.has("kill") || kinds.has("abduction");
  if (violent) {
    // ACLED types by who was attacked: unarmed people with no armed side hit or fighting back make violence
    // against civilians, whatever soldiers or militias the same text names as responders or bystanders.
    const armedOpponent = hasArmedOpponent(ctx.folded);
    const unarmedOnly = (ctx.civilianVictims || CIVILIAN_TARGET.test(ctx.folded)) && !armedOpponent;
    const stateForces = (ctx.stateForces || armedOpponent) && !unarmedOnly;
    const against = (ctx.civilianVictims && !stateForces) || unarmedOnly;
    // "An ambush on a bus": an ambush is a battle only against an armed side.
    const fight = kinds.has("clash") && !(unarmedOnly && !FIGHT_WORDS.test(ctx.folded));
    if (fight || (stateForces && (kinds.has("attack") || kinds.has("kill")))) {
      return decision(RULE_BY_ID.get("clash")!, "Battles", "Armed clash");
    }
    const abduction = best(triggers, "abduction");
    if (abduction && (against || !stateForces)) return decision(abduction.rule);
    if (against || (kinds.has("kill") && !stateForces && !kinds.has("attack"))) {
      return decision(RULE_BY_ID.get("kill")!, "Violence against civilians", "Attack");
    }
    return decision(RULE_BY_ID.get("attack")!, "Battles", "Armed clash");
  }
  const mob = best(triggers, "mob");
  if (mob) return decision(mob.rule);
  const riot = best(triggers, "riot");
  if (riot) return decision(riot.rule);
  const protest = best(triggers, "protest");
  if (protest) {
    // Burning tyres, barricades and stones make a violent demonstration (ACLED: riot), whatever the police did.
    if (/\b(brule\w* des pneus|pneus brules|barricad\w*|jets? de pierres|saccag\w*|vandalis\w*|burn(?:ed|t|ing) tyres|burn(?:ed|t|ing) tires|threw (?:stones|rocks)|stone-throwing|looted)\b/.test(ctx.folded)) {
      return decision(RULE_BY_ID.get("riot")!, "Riots", "Violent demonstration");
    }
    if (/\b(tues?|killed|balles reelles|live (ammunition|rounds)|shot dead|morts?|dead|deaths?|died)\b/.test(ctx.folded)) {
      return decision(protest.rule, "Protests", "Excessive force against protesters");
    }
    if (/\b(disperses?|dispersees?|gaz lacrymogenes?|lacrymogenes?|interpelles?|arretes?|tear ?gas|dispersed|arrested|detained|repression|reprime)\b/.test(ctx.folded)) {
      return decision(protest.rule, "Protests", "Protest with intervention");
    }
    return decision(protest.rule);
  }
  const strategic = best(triggers, "strategic");
  if (strategic) return decision(strategic.rule);
  return null;
}

// People who bear arms for a state or a community, and the posts they hold (folded text); a camp or a
// convoy may be civilian, so neither is here. Insurgents count only as people hit or killed.
const FORCES = "soldiers?|troops|forces|fds|units?|unites?|volontaires pour la defense de la patrie|servicemen|gendarmes?|policemen|police officers|militiamen|militia members|militias?|volunteers|vdp|auxiliaries|dozos?|hunters|koglweogo|self-defen[cs]e (?:group|groups|militia|militias|members)|guards|military|army|soldats?|militaires?|policiers|douaniers|volontaires|suppletifs|miliciens|chasseurs|armee|gendarmerie|police|post|outpost|base|barracks|patrol|checkpoint|positions?|brigade|poste|caserne|patrouille|detachement";
const ARMED = `${FORCES}|fighters|militants|jihadists?|combatants|insurgents|rebels|assailants|attackers|terrorists|combattants|jihadistes|djihadistes|terroristes|assaillants`;
// Up to three words, never across "by" (the agent of a passive) or a conjunction opening another clause.
const GAP = "(?!by\\s|par\\s)(?:(?!when\\s|while\\s|as\\s|after\\s|before\\s|lorsque\\s|quand\\s|alors\\s|apres\\s|avant\\s)[\\w'\u2019\u00ab\u00bb\"-]+\\s+){0,3}";
// "in reprisal for an attack on the brigade", "après l'attaque du poste": an earlier event, given as a cause.
const EARLIER = "(?<!(?:reprisal|retaliation|revenge|response) for (?:an |a |the )?|(?:after|following|since) (?:an |a |the )?|(?:apres|suite a|depuis|represailles a|en represailles de) (?:l'|la |le |une |un )?)";
const ARMED_OPPONENT = new RegExp(
  [
    // "killed three soldiers", "attacked an army post", "ont tue deux gendarmes" (not "killed by militants")
    `\\b(?:killed|killing|wounded|wounding|injured|injuring|attacked|attacking|targeted|targeting|ambushed|tuant|ont tue|a tue|blessant|visant|ciblant|ont attaque|a attaque|attaquant|(?:ciblee?|dirigee?|menee?|perpetree?)s? contre)\\s+${GAP}(?:${ARMED})\\b`,
    // "the deaths of 17 soldiers", "la mort de trois gendarmes"
    `\\b(?:deaths?|death|mort|morts)\\s+(?:of|de|d')\\s*(?:[\\w'-]+\\s+){0,2}(?:${FORCES})\\b`,
    // "13 morts, dont 10 gendarmes", "deaths among soldiers and civilians"
    `\\b(?:dont|parmi|among|including)\\s+(?:[\\w'-]+\\s+){0,4}(?:${FORCES})\\b`,
    // "soldats tues", "terroristes neutralises": a French participle after its noun is passive
    `\\b(?:${ARMED})\\s+(?:tues|blesses|neutralises)\\b`,
    `\\b(?:en riposte|la riposte|une riposte|returned fire|fought back|neutralised|neutralized|neutralises?|ont neutralise)\\b`,
    // "an attack on a military base", "l'attaque du poste"
    `\\b${EARLIER}(?:attacks?|assaults?|ambush|raids?|attaques?|assauts?|embuscades?)["\u201d\u00bb]?(?:\\s+[\\w'-]+){0,4}\\s+(?:on|against|targeting|contre|du|d'un|d'une|de la|de l')\\s*(?:[\\w'-]+\\s+){0,2}(?:${FORCES})\\b`,
    // "two soldiers were killed", "trois militaires ont ete tues", "five militants died"
    `\\b(?:${ARMED})[\u00bb"]?\\s+(?:[\\w'-]+\\s+){0,2}(?:(?:were|was|have been|had been|ont ete|a ete|sont)\\s+(?:\\w+\\s+)?(?:killed|wounded|injured|tues|blesses)|died|perished|ont peri)\\b`,
    // "the soldiers fought back", "les VDP ont riposte": an armed side that fights makes a battle
    `\\b(?:${FORCES})\\s+(?:[\\w'-]+\\s+){0,2}(?:repelled|repulsed|fought|returned fire|riposte|ripostent|repousse|neutralized|neutralised|neutralise|neutralises)\\b`,
  ].join("|"),
);
// Places and gatherings of unarmed people: an attack on them is on civilians.
const CIVILIAN_TARGET = /\b(?:mosques?|church(?:es)?|mosquees?|eglises?|worshippers|congregation|prayers?|prieres?|fideles|wedding|mariage|funeral|funerailles|markets?|marches? hebdomadaires?|schools?|ecoles?|buses|bus|passengers|passagers|displaced|deplaces)\b/;
const FIGHT_WORDS = /\b(?:affrontements?|combats?|accrochages?|echanges? de tirs|affronte\w*|clash(?:es|ed)?|fighting|fought|gunfights?|firefights?|exchange of fire|heurts? armes?)\b/;

/** An armed side was hit, targeted or fought back in the text of an event. */
export function hasArmedOpponent(folded: string): boolean {
  return ARMED_OPPONENT.test(folded);
}

const MILITARY_TARGET = /\b(postes?|camps?|bases?|detachements?|detachments?|regiments?|convois?|patrouilles?|positions?|garnisons?|casernes?|checkpoints?|soldats?|militaires|gendarmes?|policiers|douaniers|brigade|army|soldiers?|troops|military|checkpoint|convoy|outpost|barracks)\b/;

/** A military target named in the text ("l'assaut du poste", "attacked an army convoy"). */
export function hasMilitaryTarget(folded: string): boolean {
  return MILITARY_TARGET.test(folded);
}
