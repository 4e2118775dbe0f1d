import { graphql } from '../gql';

/** Finishes a sign-in that waits for its second factor. */
export const verifyMfaMutation = graphql(`
  mutation VerifyMfa($method: MfaMethod!, $code: String!) {
    verifyMfa(method: $method, code: $code) {
      ...AuthPayloadFields
    }
  }
`);

export const sendSignInSmsMutation = graphql(`
  mutation SendSignInSms {
    sendSignInSms
  }
`);

export const meQuery = graphql(`
  query Me {
    me {
      ...UserFields
    }
  }
`);

export const mfaStatusQuery = graphql(`
  query MfaStatus {
    mfaStatus {
      totpEnabled
      backupCodesRemaining
      smsPhone
    }
  }
`);

export const reauthenticateMutation = graphql(`
  mutation Reauthenticate($password: String!) {
    reauthenticate(password: $password)
  }
`);

export const startTotpEnrollmentMutation = graphql(`
  mutation StartTotpEnrollment {
    startTotpEnrollment {
      otpauthUri
      qrCodeDataUrl
      secret
    }
  }
`);

export const confirmTotpEnrollmentMutation = graphql(`
  mutation ConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code)
  }
`);

export const disableTotpMutation = graphql(`
  mutation DisableTotp {
    disableTotp
  }
`);

export const regenerateBackupCodesMutation = graphql(`
  mutation RegenerateBackupCodes {
    regenerateBackupCodes
  }
`);

export const startPhoneVerificationMutation = graphql(`
  mutation StartPhoneVerification($phone: String!) {
    startPhoneVerification(phone: $phone)
  }
`);

export const confirmPhoneMutation = graphql(`
  mutation ConfirmPhone($phone: String!, $code: String!) {
    confirmPhone(phone: $phone, code: $code)
  }
`);

export const disableSmsMfaMutation = graphql(`
  mutation DisableSmsMfa {
    disableSmsMfa
  }
`);

export const changePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

/** The signed-in account after a change made anywhere (a role given by an administrator, a new name). */
export const accountChangedSubscription = graphql(`
  subscription AccountChanged {
    accountChanged {
      ...UserFields
    }
  }
`);
