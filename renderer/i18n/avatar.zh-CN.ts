/** 头像 in the workstation (the header, colleague lists, 我的头像 in 设置), zh-CN; avatar.en.ts has the same keys. */
export const avatarZhCN = {
  alt: '{{name}} 的头像',
  mine: '我的头像',
  hint: 'PNG、JPEG、GIF 或 WebP 图片，不超过 {{kb}} KB。访客和同事会看到它。',
  upload: '上传头像',
  change: '更换头像',
  remove: '移除头像',
  saved: '头像已更新',
  removed: '头像已移除',
  notImage: '请选择 PNG、JPEG、GIF 或 WebP 图片',
  tooBig: '头像不能超过 {{kb}} KB',
  failed: '头像未保存：{{message}}',
};
