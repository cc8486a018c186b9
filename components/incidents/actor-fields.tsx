"use client";

/**
 * The actors part of the edit form: one select per actor the incident has (with its role), an empty one
 * for a missing actor 1 or actor 2, and one to add an associated actor. When an actor whose name the
 * extractor did not know (or an analyst made from such a name) is replaced, the form offers, never
 * implies, to record that name as an alias of the actor chosen (lib/actors/corrections.ts).
 */
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ActorOption } from "@/lib/incidents/actor-links";
import type { ActorRoleName } from "@/lib/incidents/taxonomy";

type Slot = { role: ActorRoleName; was: ActorOption | null };

const select = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none";

function ActorSlot({ index, slot, options, learnable }: { index: number; slot: Slot; options: ActorOption[]; learnable: boolean }) {
  const t = useTranslations("edit");
  const [chosen, setChosen] = useState(slot.was ? String(slot.was.id) : "");
  const replacement = chosen && slot.was && chosen !== String(slot.was.id) ? options.find((option) => String(option.id) === chosen) : undefined;
  const label = slot.was || slot.role !== "associated" ? t(`actorSlot.${slot.role}`) : t("addAssociated");
  return (
    <div className="space-y-1">
      <input type="hidden" name={`actorRole.${index}`} value={slot.role} />
      <input type="hidden" name={`actorWas.${index}`} value={slot.was?.id ?? ""} />
      <label className="block text-xs font-medium text-slate-600">
        {label}
        <select name={`actorId.${index}`} value={chosen} onChange={(event) => setChosen(event.target.value)} className={`mt-1 ${select}`}>
          <option value="">{t("noActor")}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </label>
      {replacement && learnable ? (
        <label className="flex items-start gap-2 text-xs text-slate-600">
          <input type="checkbox" name={`actorLearn.${index}`} className="mt-0.5" />
          <span>{t("learnActor", { name: slot.was!.name, actor: replacement.name })}</span>
        </label>
      ) : null}
    </div>
  );
}

export function ActorFields({ links, options, learnableIds }: { links: { id: number; name: string; type: number; role: ActorRoleName }[]; options: ActorOption[]; learnableIds: number[] }) {
  const t = useTranslations("edit");
  const slots: Slot[] = links.map((link) => ({ role: link.role, was: { id: link.id, name: link.name, type: link.type } }));
  for (const role of ["actor1", "actor2"] as const) if (!links.some((link) => link.role === role)) slots.push({ role, was: null });
  slots.push({ role: "associated", was: null });
  const order: ActorRoleName[] = ["actor1", "actor2", "associated"];
  const sorted = slots.map((slot, index) => ({ slot, index })).sort((a, b) => order.indexOf(a.slot.role) - order.indexOf(b.slot.role) || a.index - b.index);
  return (
    <fieldset className="sm:col-span-2 lg:col-span-4">
      <legend className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("actors")}</legend>
      <input type="hidden" name="actorsEdited" value="1" />
      <div className="mt-1 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {sorted.map(({ slot }, position) => (
          <ActorSlot key={position} index={position} slot={slot} options={options} learnable={slot.was !== null && learnableIds.includes(slot.was.id)} />
        ))}
      </div>
    </fieldset>
  );
}
