/** The technician's photos and the customer's signature (issue 15 §4): words of FieldPhotoPicker and FieldSignaturePad. */
const en = {
  fieldMedia: {
    signature: {
      label: 'Customer’s signature',
      hint: 'The customer signs with a finger (or a stylus) inside the box.',
      pad: 'Signature pad: the customer signs here by drawing with a finger. {status}',
      unsigned: 'Not signed yet.',
      signed: 'Signed.',
      clear: 'Clear',
      clearName: 'Clear the signature',
      accept: 'Accept signature',
      accepted: 'Signature accepted.',
      problems: {
        'signature-empty': 'The customer has not signed yet: ask them to sign with a finger inside the box, then press “Accept signature”.',
      },
    },
    photo: {
      take: 'Take a photo',
      help: 'Opens the camera. Each photo is made smaller on this phone before it is saved.',
      compressing: 'Making photo {n} of {count} smaller…',
      taken: 'Photos taken',
      thumbnail: 'Photo {n}: {width} × {height} px, {size}',
      problems: {
        'photo-too-large': '“{name}” is {size}: a photo over {max} cannot be taken in. Take the photo again with the camera.',
        'not-an-image': '“{name}” is not a photo this phone can read. Take the photo with the camera, or choose a JPEG or PNG picture.',
        'no-memory': 'This phone ran out of memory making “{name}” smaller. Close other apps and try again.',
      },
    },
  },
}

const zhCN: typeof en = {
  fieldMedia: {
    signature: {
      label: '客户签名',
      hint: '请客户用手指（或触控笔）在框内签名。',
      pad: '签名板：客户在此处用手指签名。{status}',
      unsigned: '尚未签名。',
      signed: '已签名。',
      clear: '清除',
      clearName: '清除签名',
      accept: '确认签名',
      accepted: '签名已确认。',
      problems: {
        'signature-empty': '客户尚未签名：请客户用手指在框内签名，然后点“确认签名”。',
      },
    },
    photo: {
      take: '拍照',
      help: '将打开相机。每张照片在保存前都会在本机压缩。',
      compressing: '正在压缩第 {n} 张照片（共 {count} 张）…',
      taken: '已拍照片',
      thumbnail: '第 {n} 张照片：{width} × {height} 像素，{size}',
      problems: {
        'photo-too-large': '“{name}”大小为 {size}：超过 {max} 的照片无法保存。请用相机重新拍摄。',
        'not-an-image': '“{name}”不是本机能读取的照片。请用相机拍摄，或选择 JPEG 或 PNG 图片。',
        'no-memory': '本机内存不足，无法压缩“{name}”。请关闭其他应用后重试。',
      },
    },
  },
}

export const fieldMediaMessages = { en, 'zh-CN': zhCN }
