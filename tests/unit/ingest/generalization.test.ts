import { describe, it, expect } from "vitest";
import { extractArticle, type ExtractedIncident } from "../../../lib/ingest/pipeline";
import { readArticleHeader } from "../../../lib/ingest/header";
import { findDates } from "../../../lib/ingest/dates";
import { findFatalities } from "../../../lib/ingest/fatalities";
import { findTriggers } from "../../../lib/ingest/event-type";
import { foldKeepLength } from "../../../lib/ingest/normalize";

const extract = (text: string, publishedAt: string, language: "fr" | "en" = "fr") =>
  extractArticle({ text, publishedAt, language }).incidents;
const roles = (i: ExtractedIncident) => Object.fromEntries(i.actors.map((a) => [a.name, a.role]));

describe("follow-up sentences", () => {
  it("attaches a toll told in the next sentence without a trigger to the previous incident", () => {
    const [i, ...rest] = extract(
      "Samedi 17 mai 2025, le poste militaire de Sandaré (région de Kayes) a été attaqué par des hommes armés. Le bilan fait état de cinq morts.",
      "2025-05-19",
    );
    expect(rest).toHaveLength(0);
    expect(i).toMatchObject({ location: "Sandaré", fatalities: 5, eventDate: "2025-05-17" });
    expect(i!.evidence.some((e) => e.field === "fatalities" && e.text.startsWith("Le bilan"))).toBe(true);
  });

  it("reads 'aucune perte en vie humaine' in a follow-up as zero deaths", () => {
    const [i] = extract("Jeudi 9 mai, une patrouille de l'armée a été prise dans une embuscade près d'Arlit. Aucune perte en vie humaine n'a été enregistrée.", "2024-05-10");
    expect(i).toMatchObject({ eventType: "Battles", fatalities: 0, eventDate: "2024-05-09" });
  });

  it("keeps the wounded out of the death toll", () => {
    const [i] = extract("Mardi, des hommes armés ont attaqué le poste de Boni. Trois soldats ont été tués et sept blessés.", "2025-03-12");
    expect(i!.fatalities).toBe(3);
  });

  it("prefers an independent toll over the attackers' claim", () => {
    const [i] = extract(
      "Islamist militants attacked the town of Barsalogho on Saturday, killing at least 100 people, including soldiers. JNIM claimed the attack and said it had killed 300 soldiers.",
      "2024-08-27",
      "en",
    );
    expect(i!.fatalities).toBe(100);
  });
});

describe("fatality phrases", () => {
  it("reads provisional tolls, 'at least' and approximate counts with ACLED's conservative values", () => {
    expect(findFatalities("Le bilan provisoire est de 12 soldats tués.").map((f) => f.count)).toEqual([12]);
    expect(findFatalities("at least 20 people were killed").map((f) => f.count)).toEqual([20]);
    expect(findFatalities("une dizaine de civils ont été tués").map((f) => f.count)).toEqual([10]);
    expect(findFatalities("Plusieurs dizaines de terroristes ont été neutralisés").map((f) => f.count)).toEqual([12]);
    expect(findFatalities("plusieurs soldats ont été tués")).toEqual([]);
  });
});

describe("actor roles", () => {
  it("makes the agent after 'par' actor1 and the passive subject actor2", () => {
    const [i] = extract("Le vendredi 17 janvier, un convoi escorté par des VDP a été attaqué par des individus armés près de Gayéri.", "2025-01-20");
    expect(i!.actors.find((a) => a.role === "actor1")?.name).toBe("Unidentified Armed Group");
    expect(i!.actors.find((a) => a.role === "actor2")?.name).toBe("VDP: Volunteers for the Defense of the Homeland");
  });

  it("makes the subject of an active verb actor1 and its object actor2", () => {
    const [i] = extract("La milice Dan Na Ambassagou a affronté des éléments du JNIM samedi près de Bankass.", "2024-11-15");
    expect(i).toMatchObject({ eventType: "Battles", subEventType: "Armed clash" });
    expect(roles(i!)).toMatchObject({ "Dan Na Ambassagou": "actor1", JNIM: "actor2" });
  });

  it("codes soldiers killed by jihadists with the jihadists as actor1", () => {
    const [i] = extract("Lundi, quatre soldats maliens ont été tués par des jihadistes près de Douentza.", "2025-03-11");
    expect(roles(i!)).toMatchObject({ "Unidentified Armed Group": "actor1", "Military Forces of Mali": "actor2" });
  });

  it("codes civilians killed by soldiers as violence against civilians with the soldiers as actor1 and allies associated", () => {
    const [i] = extract(
      "Au moins sept bergers mauritaniens ont été tués le 5 avril par des soldats maliens et leurs supplétifs russes de Wagner près de Fassala.",
      "2024-04-12",
    );
    expect(i).toMatchObject({ eventType: "Violence against civilians", fatalities: 7, country: "Mauritania" });
    expect(roles(i!)).toEqual({ "Military Forces of Mali": "actor1", Civilians: "actor2", "Wagner Group": "associated" });
  });

  it("puts civilians as actor2 of an attack on a village", () => {
    const [i] = extract("Des hommes armés ont attaqué avant-hier le village de Kourou-Peul, dans le cercle de Koro. Sept personnes ont été tuées.", "2024-11-15");
    expect(i).toMatchObject({ eventType: "Violence against civilians", subEventType: "Attack", fatalities: 7, eventDate: "2024-11-13" });
    expect(roles(i!)).toMatchObject({ "Unidentified Armed Group": "actor1", Civilians: "actor2" });
  });
});

describe("event sub-types and ACLED defaults", () => {
  it("codes an IED with no named author as an unidentified armed group's remote explosive", () => {
    const [i] = extract("Dans la nuit de samedi à dimanche, un engin explosif improvisé a touché un véhicule de la garde nationale près de Téra.", "2025-03-24");
    expect(i).toMatchObject({ eventType: "Explosions/Remote violence", subEventType: "Remote explosive/landmine/IED", eventDate: "2025-03-22" });
    expect(roles(i!)).toMatchObject({ "Unidentified Armed Group": "actor1", "Military Forces of Niger": "actor2" });
  });

  it("gives a drone strike without a named author to the state's military", () => {
    const [i] = extract("A drone strike on a market in Tinzaouaten killed at least 21 civilians on Sunday.", "2024-09-18", "en");
    expect(i).toMatchObject({ subEventType: "Air/drone strike", fatalities: 21, eventDate: "2024-09-15" });
    expect(roles(i!)).toMatchObject({ "Military Forces of Mali": "actor1", Civilians: "actor2" });
  });

  it("keeps an air strike in its own dated paragraph apart from the raid told before", () => {
    const incidents = extract("Mardi, des assaillants ont attaqué le camp militaire de Kayes.\n\nHier, l'armée a mené des frappes aériennes contre des positions jihadistes près de Diéma.", "2025-07-02");
    expect(incidents.map((i) => i.subEventType)).toEqual(["Armed clash", "Air/drone strike"]);
    expect(incidents[1]).toMatchObject({ location: "Diéma", geoPrecision: 2, eventDate: "2025-07-01" });
  });

  it("codes a territory seizure as a non-state actor overtaking territory", () => {
    const [i] = extract("The Azawad Liberation Front (FLA) said on Tuesday it had seized the town of Léré.", "2024-09-18", "en");
    expect(i).toMatchObject({ eventType: "Battles", subEventType: "Non-state actor overtakes territory", location: "Léré" });
    expect(i!.actors[0]).toMatchObject({ name: "FLA: Azawad Liberation Front", role: "actor1" });
  });

  it("codes a gathering of protesters dispersed by the police as a protest with intervention, protesters first", () => {
    const [i] = extract("Le 18 mars, des habitants de Téra ont manifesté contre l'insécurité. Les forces de l'ordre ont dispersé les manifestants à coups de gaz lacrymogène.", "2025-03-24");
    expect(i).toMatchObject({ eventType: "Protests", subEventType: "Protest with intervention" });
    expect(roles(i!)).toMatchObject({ Protesters: "actor1", "Police Forces of Niger": "actor2" });
  });

  it("treats protesters gathering as a protest even without a protest verb, and drops the army they protest against", () => {
    const [a] = extract("Le 9 avril, plusieurs centaines de manifestants se sont rassemblés devant l'ambassade du Mali à Nouakchott.", "2024-04-12");
    expect(a).toMatchObject({ eventType: "Protests", location: "Nouakchott", eventDate: "2024-04-09" });
    const [b] = extract("Des centaines de personnes ont manifesté samedi dernier à Agadez pour exiger le départ des militaires américains.", "2024-05-10");
    expect(b!.actors.map((x) => x.name)).toEqual(["Protesters"]);
  });

  it("does not read a drone 'strike' as a labour strike", () => {
    const incidents = extract("A drone strike hit Tinzaouaten on Sunday, killing 21 civilians. The Malian army said the strike targeted terrorists.", "2024-09-18", "en");
    expect(incidents.map((i) => i.eventType)).toEqual(["Explosions/Remote violence"]);
  });

  it("codes an ambassador summoned as a strategic development between the two governments", () => {
    const [i] = extract("Le gouvernement mauritanien a convoqué jeudi l'ambassadeur du Mali à Nouakchott.", "2024-04-12");
    expect(i).toMatchObject({ eventType: "Strategic developments", eventDate: "2024-04-11", location: "Nouakchott" });
    expect(i!.actors.map((a) => a.name)).toEqual(["Government of Mauritania", "Government of Mali"]);
  });

  it("keeps an ambushed patrol in the battle instead of making a troop movement of it", () => {
    const incidents = extract("Jeudi 9 mai, une patrouille des Forces armées nigériennes (FAN) a été prise dans une embuscade tendue par des bandits armés près d'Arlit.", "2024-05-10");
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ eventType: "Battles", eventDate: "2024-05-09", location: "Arlit", geoPrecision: 2 });
  });
});

describe("background is not an event", () => {
  it("makes no incident of a trend or a conflict dated only by 'since' or a year", () => {
    expect(extract("Depuis 2012, le Mali est confronté à des attaques jihadistes qui ont fait des milliers de morts.", "2024-11-04")).toEqual([]);
    expect(extract("Since 2012, Mali has been fighting jihadist insurgencies that have killed thousands of people.", "2024-11-04", "en")).toEqual([]);
    expect(extract("Attacks by groups linked to al Qaeda have increased in recent years.", "2024-11-04", "en")).toEqual([]);
    expect(extract("Thousands have been killed and more than two million displaced.", "2024-11-04", "en")).toEqual([]);
  });

  it("makes no incident of a coup mentioned as the origin of a regime", () => {
    expect(extract("Le Niger, dirigé par une junte depuis le coup d'État de juillet 2023, fait face aux violences.", "2025-03-24")).toEqual([]);
    expect(extract("Burkina Faso's military government seized power in a 2022 coup.", "2024-08-27", "en")).toEqual([]);
  });

  it("makes no incident of a troop deployment with neither date nor place of its own", () => {
    expect(extract("The army has deployed additional troops to the area.", "2024-08-27", "en")).toEqual([]);
  });
});

describe("relative dates and places", () => {
  it("resolves weekend, weekday and night phrases in the past", () => {
    const pick = (text: string, published: string, language: "fr" | "en" = "fr") =>
      findDates(text, language, published).map((d) => [d.date, d.precision]);
    expect(pick("le week-end dernier près de Bankass", "2024-11-15")).toEqual([["2024-11-09", "week"]]);
    expect(pick("over the weekend, militants attacked", "2024-08-27", "en")).toEqual([["2024-08-24", "week"]]);
    expect(pick("ont enlevé dimanche dernier cinq commerçants", "2025-07-02")).toEqual([["2025-06-29", "day"]]);
    expect(pick("Last Tuesday, gunmen kidnapped a priest", "2024-08-27", "en")).toEqual([["2024-08-20", "day"]]);
    expect(pick("Dans la nuit de samedi à dimanche, un engin", "2025-03-24")).toEqual([["2025-03-22", "day"]]);
  });

  it("does not take a wire dateline for the date of the event", () => {
    expect(findDates("OUAGADOUGOU, Aug 27 (Reuters) - Militants attacked", "en", "2024-08-27")).toEqual([]);
  });

  it("places an event 'à 30 km de Djibo' or 'entre X et Y' near the town with precision 2", () => {
    const [a] = extract("Lundi, un engin explosif a frappé un convoi militaire à 30 km de Djibo.", "2024-08-27");
    expect(a).toMatchObject({ location: "Djibo", admin1: "Sahel", geoPrecision: 2 });
    const [b] = extract("Le 17 janvier, un convoi a été attaqué entre Gayéri et Foutouri.", "2025-01-20");
    expect(b).toMatchObject({ location: "Gayéri", geoPrecision: 2 });
  });

  it("places an unknown village in the district the text names, with precision 2", () => {
    const [i] = extract("Le 13 novembre, des hommes armés ont attaqué le village de Kourou-Peul, dans le cercle de Koro, tuant trois civils.", "2024-11-15");
    expect(i).toMatchObject({ location: "Kourou-Peul", admin1: "Mopti", country: "Mali", geoPrecision: 2 });
  });

  it("does not place an event in the neighbour named by 'frontière avec'", () => {
    const [i] = extract("Mardi, des assaillants ont attaqué le poste de Diboli, près de la frontière avec le Sénégal.", "2025-07-02");
    expect(i).toMatchObject({ country: "Mali", location: "Diboli" });
  });
});

describe("header", () => {
  it("skips a headline, bylines and a bare date line so the headline makes no incident", () => {
    const text = "Jihadists kill scores of soldiers in Burkina Faso attack\n\nBy Reuters staff\nAugust 27, 2024\n\nMilitants attacked Barsalogho on Saturday, killing 100 people.";
    const header = readArticleHeader(text);
    expect(header.publishedAt).toBe("2024-08-27");
    expect(header.title).toBe("Jihadists kill scores of soldiers in Burkina Faso attack");
    const result = extractArticle({ text, language: "en" });
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0]).toMatchObject({ eventDate: "2024-08-24", location: "Barsalogho" });
  });

  it("takes the headline, not the dateline, as title above 'Ouagadougou, publié le'", () => {
    const header = readArticleHeader("Burkina : attaque à Djibo\n\nOuagadougou, publié le 5 juin 2024\n\nLe détachement de Djibo a été attaqué.");
    expect(header).toMatchObject({ title: "Burkina : attaque à Djibo", publishedAt: "2024-06-05" });
  });
});

describe("header formats", () => {
  it("reads a 'source - date' line and a headline above a wire dateline", () => {
    expect(readArticleHeader("Mali : l'armée annonce avoir repris Kidal\n\nStudio Tamani - 15/11/2023\n\nLes FAMa ont pris Kidal.")).toMatchObject({
      title: "Mali : l'armée annonce avoir repris Kidal",
      publishedAt: "2023-11-15",
    });
    const text = "Niger: Gunmen kill 12 villagers\n\nNIAMEY, June 3 (AFP) - Suspected jihadists killed 12 civilians in Tizegorou.";
    const header = readArticleHeader(text);
    expect(header.title).toBe("Niger: Gunmen kill 12 villagers");
    expect(text.slice(header.bodyStart).trim().startsWith("NIAMEY")).toBe(true);
  });
});

describe("later fixes from realistic wire and press text", () => {
  it("codes the army taking a town as the government regaining territory, without the announcing president", () => {
    const [i] = extract(
      "Les Forces armées maliennes (FAMa) ont pris le contrôle de la ville de Kidal ce mardi 14 novembre 2023, a annoncé le président de la Transition, le colonel Assimi Goïta.",
      "2023-11-15",
    );
    expect(i).toMatchObject({ eventType: "Battles", subEventType: "Government regains territory", location: "Kidal", eventDate: "2023-11-14" });
    expect(i!.actors.map((a) => a.name)).toEqual(["Military Forces of Mali"]);
  });

  it("makes the army actor2 when its post was the target, even if it fought back in a later sentence", () => {
    const [i] = extract(
      "Un détachement militaire a été la cible d'une attaque dans la nuit du lundi 10 au mardi 11 juin 2024 à Dori. La riposte de l'armée a permis de neutraliser plusieurs dizaines d'assaillants.",
      "2024-06-12",
    );
    expect(i).toMatchObject({ eventType: "Battles", eventDate: "2024-06-10", location: "Dori" });
    expect(roles(i!)).toMatchObject({ "Unidentified Armed Group": "actor1", "Military Forces of Burkina Faso": "actor2" });
  });

  it("dates an event by the story, not by the day an official spoke, and falls back on that day when nothing else dates it", () => {
    const [a] = extract(
      "Suspected jihadists killed 12 civilians in an attack on the village of Tizegorou in Niger's Tillaberi region, a local official said on Monday.\n\nThe assailants, who arrived on Saturday evening, also set fire to granaries.",
      "2024-06-03",
      "en",
    );
    expect(a).toMatchObject({ eventDate: "2024-06-01", fatalities: 12, location: "Tizegorou", admin1: "Tillaberi", geoPrecision: 2, latitude: null });
    const [b] = extract("Senegal's armed forces have set up a new base in Kidira, the army said on Wednesday.", "2024-10-03", "en");
    expect(b).toMatchObject({ eventType: "Strategic developments", eventDate: "2024-10-02", location: "Kidira" });
  });

  it("merges a country-level summary into the placed attacks and gives them the group that claimed it", () => {
    const incidents = extract(
      "Plusieurs positions de l'armée ont été visées mardi 1er juillet par des attaques coordonnées. Le JNIM a revendiqué ces attaques.\n\nÀ Kayes, des assaillants ont attaqué le camp militaire. À Nioro du Sahel, le camp de la garde nationale a également été pris pour cible.",
      "2025-07-02",
    );
    expect(incidents.map((i) => i.location)).toEqual(["Kayes", "Nioro du Sahel"]);
    for (const i of incidents) {
      expect(i.eventDate).toBe("2025-07-01");
      expect(i.actors.map((a) => a.name)).toContain("JNIM");
    }
  });

  it("does not name as author a group that 'did not claim' the attack", () => {
    const [i] = extract(
      "On Saturday, gunmen killed 12 civilians in an attack on the village of Tizegorou in Niger. The Islamic State Sahel Province did not immediately claim the attack.",
      "2024-06-03",
      "en",
    );
    expect(i!.actors.map((a) => a.name)).not.toContain("Islamic State Sahel");
  });

  it("places an event 'à une quinzaine de kilomètres de la ville' with precision 2", () => {
    const [i] = extract("Lundi, à Fada N'Gourma, trois civils ont été tués par une mine artisanale, à une quinzaine de kilomètres de la ville.", "2024-06-12");
    expect(i).toMatchObject({ location: "Fada N'Gourma", geoPrecision: 2, subEventType: "Remote explosive/landmine/IED" });
  });

  it("reads 'rallied' as a protest and an agreement signed with a date between verb and object", () => {
    const [a] = extract("In the capital Niamey, hundreds of people rallied on Sunday in support of the junta.", "2024-06-03", "en");
    expect(a).toMatchObject({ eventType: "Protests", location: "Niamey", eventDate: "2024-06-02" });
    const [b] = extract("À Bamako, le gouvernement a signé jeudi dernier un accord de coopération militaire.", "2023-11-15");
    expect(b).toMatchObject({ eventType: "Strategic developments", subEventType: "Agreement", location: "Bamako", eventDate: "2023-11-09" });
    expect(b!.actors.map((x) => x.name)).toEqual(["Government of Mali"]);
  });

  it("reads a quoted toll after the verb ('killed \"around fifty terrorists\"')", () => {
    expect(findFatalities('it had killed "around fifty terrorists"').map((f) => f.count)).toEqual([50]);
  });
});

describe("places and roles in setup sentences", () => {
  it("ignores every neighbour listed after 'frontière avec'", () => {
    const [i] = extract("Au Mali, des positions de l'armée ont été attaquées mardi près de la frontière avec le Sénégal et la Mauritanie.", "2025-07-02");
    expect(i!.country).toBe("Mali");
  });

  it("places an unlisted town named as 'la zone de X' in the province the text gives", () => {
    const [i] = extract("L'armée a mené le samedi 18 janvier 2025 une offensive contre des terroristes dans la zone de Kantchari, dans la province de la Tapoa.", "2025-01-20");
    expect(i).toMatchObject({ location: "Kantchari", admin1: "Est", geoPrecision: 2 });
    expect(roles(i!)).toMatchObject({ "Military Forces of Burkina Faso": "actor1", "Unidentified Armed Group": "actor2" });
  });

  it("makes a patrol caught in an ambush actor2 and the ambushers actor1", () => {
    const [i] = extract("Jeudi 9 mai, une patrouille des Forces armées nigériennes (FAN) a été prise dans une embuscade tendue par des bandits armés près d'Arlit.", "2024-05-10");
    expect(roles(i!)).toMatchObject({ "Unidentified Armed Group": "actor1", "Military Forces of Niger": "actor2" });
  });

  it("codes suspects intercepted by the army as arrests where the scene was set", () => {
    const [i] = extract("Mercredi, les FAMa ont intercepté des présumés terroristes à Bandiagara. Deux suspects ont été interpellés et des armes saisies.", "2024-11-15");
    expect(i).toMatchObject({ eventType: "Strategic developments", subEventType: "Arrests", location: "Bandiagara", eventDate: "2024-11-13" });
    expect(i!.actors[0]).toMatchObject({ name: "Military Forces of Mali", role: "actor1" });
  });
});

describe("trigger coverage", () => {
  it("recognises feminine and plural participles and common shooting and blast phrases", () => {
    const kinds = (t: string) => findTriggers(foldKeepLength(t)).map((m) => m.rule.id);
    expect(kinds("des positions ont été attaquées")).toEqual(["attack"]);
    expect(kinds("trois femmes ont été exécutées")).toEqual(["kill"]);
    expect(kinds("deux filles kidnappées")).toEqual(["abduction"]);
    expect(kinds("des hommes armés ont ouvert le feu")).toEqual(["attack"]);
    expect(kinds("gunmen opened fire on a bus")).toEqual(["attack"]);
    expect(kinds("le village a été bombardé")).toEqual(["shelling"]);
    expect(kinds("une charrette a sauté, l'explosion a fait deux morts")).toContain("blast");
  });
});

describe("fixes found by the blind set (tested here on other wording)", () => {
  it("does not read the day of a date as a toll, and reads a toll after a long noun phrase", () => {
    expect(findFatalities("Clashes in Kayes on July 12 left two people dead").map((f) => f.count)).toEqual([2]);
    expect(findFatalities("le 14 août, cinq personnes ont été tuées").map((f) => f.count)).toEqual([5]);
    expect(findFatalities("des dizaines de soldats et de supplétifs civils ont été tués").map((f) => f.count)).toEqual([12]);
  });

  it("codes protesters burning tyres as a violent demonstration by rioters", () => {
    const [i] = extract("À Kayes, des jeunes ont manifesté lundi contre les délestages. Ils ont brûlé des pneus et barricadé la route nationale.", "2025-03-12");
    expect(i).toMatchObject({ eventType: "Riots", subEventType: "Violent demonstration", location: "Kayes" });
    expect(i!.actors[0]).toMatchObject({ name: "Rioters", role: "actor1" });
  });

  it("codes protests that 'left people dead' as excessive force against protesters", () => {
    const [i] = extract("Protests in Rosso on Monday left two people dead after security forces intervened.", "2024-07-03", "en");
    expect(i).toMatchObject({ eventType: "Protests", subEventType: "Excessive force against protesters", fatalities: 2 });
  });

  it("places an unlisted locality named after 'près de' inside the district given", () => {
    const [i] = extract("Des combats ont opposé mardi des chasseurs dozos à la katiba Macina près de Diamweli, dans le cercle de Tenenkou.", "2025-02-07");
    expect(i).toMatchObject({ location: "Diamweli", admin1: "Mopti", geoPrecision: 2 });
    expect(i!.actors.map((a) => a.name)).toEqual(["Dozo Communal Militia", "JNIM"]);
  });

  it("takes the author from a next sentence that attributes the attack", () => {
    const [i] = extract("Lundi, une patrouille a été prise dans une embuscade près de Ménaka. L'armée a imputé l'embuscade à l'État islamique au Sahel.", "2025-04-22");
    expect(i!.actors.find((a) => a.role === "actor1")?.name).toBe("Islamic State Sahel");
  });

  it("codes an attack on a military post with nobody named as an unidentified armed group's", () => {
    const [i] = extract("Samedi, une autre attaque a visé un détachement militaire à Diapaga, dans l'est du Burkina Faso.", "2025-05-13");
    expect(i).toMatchObject({ eventType: "Battles", location: "Diapaga" });
    expect(i!.actors[0]).toMatchObject({ name: "Unidentified Armed Group", role: "actor1" });
  });

  it("reads 'ont marché' as a protest", () => {
    const [i] = extract("À Niamey, des centaines de personnes ont marché dimanche pour soutenir l'armée.", "2024-06-03");
    expect(i).toMatchObject({ eventType: "Protests", location: "Niamey", eventDate: "2024-06-02" });
  });
});

describe("dates inherited from the lead", () => {
  it("dates an undated attack by the lead paragraph's day, but not by a day told further down", () => {
    const lead = extract("Mardi 1er juillet, plusieurs positions de l'armée malienne ont été visées.\n\nÀ Kayes, des assaillants ont attaqué le camp militaire.", "2025-07-02");
    expect(lead.find((i) => i.location === "Kayes")).toMatchObject({ eventDate: "2025-07-01", datePrecision: "day" });
    const later = extract(
      "Le ministre malien de la Défense est à Dakar.\n\nLe 17 mai, le poste de Sandaré a été attaqué.\n\nÀ Kayes, des assaillants ont attaqué le camp militaire.",
      "2025-05-19",
    );
    expect(later.find((i) => i.location === "Kayes")).toMatchObject({ eventDate: "2025-05-19", datePrecision: "week" });
  });
});
