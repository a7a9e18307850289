"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button-base";

export type SubmitButtonProps = Omit<ButtonProps, "type">;

/** Submit button that shows the busy state while its enclosing <form action> runs. */
export function SubmitButton({ pending, ...rest }: SubmitButtonProps) {
  const status = useFormStatus();
  return <Button type="submit" pending={pending || status.pending} {...rest} />;
}
