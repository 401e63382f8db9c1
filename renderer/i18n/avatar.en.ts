/** Avatars (头像) in the workstation, English; avatar.zh-CN.ts has the same keys. */
export const avatarEn = {
  alt: "{{name}}'s avatar",
  mine: 'My avatar',
  hint: 'A PNG, JPEG, GIF or WebP picture up to {{kb}} KB. Visitors and colleagues see it.',
  upload: 'Upload avatar',
  change: 'Change avatar',
  remove: 'Remove avatar',
  saved: 'Avatar updated',
  removed: 'Avatar removed',
  notImage: 'Choose a PNG, JPEG, GIF or WebP picture',
  tooBig: 'An avatar may be at most {{kb}} KB',
  failed: 'Avatar not saved: {{message}}',
};
