// Public entry for buttons. Button itself is server-safe; SubmitButton is a client
// component kept in its own module so this file stays importable from server code.
export { Button, Spinner, buttonClassName } from "./button-base";
export type { ButtonProps, ButtonSize, ButtonStyleOptions, ButtonVariant } from "./button-base";
export { SubmitButton } from "./submit-button";
export type { SubmitButtonProps } from "./submit-button";
