import { describedBy, FieldFrame } from "@/components/form/Field";

// The file input the exemption forms need beside components/form/Field.tsx.

/** PDF, PNG or JPEG; checked by content on the server (lib/exemptions/attachments.ts). */
export function FilesField({ id, label, hint, error }: { id: string; label: string; hint: string; error?: string }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input className="usa-file-input" id={id} name="files" type="file" multiple accept="application/pdf,image/png,image/jpeg" aria-describedby={describedBy(id, hint, error)} />
    </FieldFrame>
  );
}
