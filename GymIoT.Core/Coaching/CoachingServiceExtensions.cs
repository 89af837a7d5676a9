using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.Core.Coaching;

public static class CoachingServiceExtensions
{
    /// <summary>The training cards and who is on which: for the services that show or change them.</summary>
    public static IServiceCollection AddTrainingCards(this IServiceCollection services) => services
        .AddSingleton<TrainingCardStore>()
        .AddSingleton<CardAssignmentStore>()
        .AddSingleton<CardOfferStore>()
        .AddSingleton<MemberCards>()
        .AddSingleton<MonthReviewStore>();
}
