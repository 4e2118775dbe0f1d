import { graphql } from '../gql';

export const verifyEmailMutation = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

export const resendVerificationEmailMutation = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

export const requestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const resetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!, $mfaMethod: MfaMethod, $mfaCode: String) {
    resetPassword(token: $token, newPassword: $newPassword, mfaMethod: $mfaMethod, mfaCode: $mfaCode)
  }
`);

export const sendPasswordResetSmsMutation = graphql(`
  mutation SendPasswordResetSms($token: String!) {
    sendPasswordResetSms(token: $token)
  }
`);
